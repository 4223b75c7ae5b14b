import type { BreakoutSet, CsvPreview, Participant } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { previewGroups } from './csvModel.ts';

/** What the checked file would do: its problems line by line, then the groups it would make. */
export function CsvPreviewView({
  set,
  preview,
  participants,
}: {
  set: BreakoutSet;
  preview: CsvPreview;
  participants: Readonly<Record<string, Participant>>;
}) {
  const { t } = useTranslation('csvImport');
  const { groups, leftOut } = previewGroups(set, preview, participants);
  const errors = [...preview.errors].sort((a, b) => a.line - b.line);
  return (
    <div className="csv-preview" data-testid="csv-preview">
      {errors.length > 0 ? (
        <>
          <p className="csv-summary" data-tone="alert">
            {t('summary.errors', { count: errors.length })}
          </p>
          <table className="csv-errors" data-testid="csv-errors">
            <caption className="visually-hidden">{t('errors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('errors.line')}</th>
                <th scope="col">{t('errors.problem')}</th>
                <th scope="col">{t('errors.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error) => (
                <tr key={`${error.line}-${error.code}-${error.message}`} data-testid="csv-error-row">
                  <td className="mono">{error.line}</td>
                  <td>{t(`code.${error.code}`)}</td>
                  <td className="muted">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="csv-summary" data-tone="ok">
          {t('summary.ready', { count: preview.rows.length })}
        </p>
      )}
      <h4>{t(errors.length > 0 ? 'groups.titleSoFar' : 'groups.title')}</h4>
      <ul className="csv-groups">
        {groups.map((group) => (
          <li key={group.roomId} data-testid="csv-group">
            <strong>{group.name}</strong> <span className="count">({group.members.length})</span>
            <span className="muted">
              {' '}
              {group.members.map((person) => person.name).join(t('separator')) || t('groups.nobody')}
            </span>
          </li>
        ))}
      </ul>
      {leftOut.length > 0 && (
        <p className="muted small-print">
          {t('leftOut', { count: leftOut.length, names: leftOut.map((person) => person.name).join(t('separator')) })}
        </p>
      )}
    </div>
  );
}
