import type { ExportFile, WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import type { Failure } from '../../i18n/message.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { formatDay } from '../../lib/time.ts';
import { credentials } from '../../session/actions.ts';
import { downloadExport } from '../report/download.ts';
import { loadSeries } from './seriesHttp.ts';
import { type EditionRow, type SeriesTable, seriesTable } from './seriesTable.ts';

/** The reports of an edition, by the short name their words go under (`series:all.report.<kind>`). */
const REPORTS: Array<{ file: ExportFile; kind: 'docx' | 'md' | 'csv' }> = [
  { file: 'report.docx', kind: 'docx' },
  { file: 'report.md', kind: 'md' },
  { file: 'attendance.csv', kind: 'csv' },
];

type View =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'shown'; table: SeriesTable }
  | { kind: 'failed'; error: Failure };

type Note = { kind: 'downloaded'; fileName: string } | { kind: 'failed'; error: Failure } | null;

/** "All editions": the series side by side, with report downloads where this browser may fetch them. */
export function SeriesOverview({
  workshopId,
  seriesId,
  refreshKey,
}: {
  workshopId: WorkshopId;
  seriesId: string;
  refreshKey: string;
}) {
  const { t } = useTranslation('series');
  const locale = useLocale();
  const [view, setView] = useState<View>({ kind: 'closed' });
  const [note, setNote] = useState<Note>(null);
  const [shownFor, setShownFor] = useState(refreshKey);
  const show = async () => {
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setView({ kind: 'failed', error: { code: 'no_token', message: '' } });
      return;
    }
    setView({ kind: 'loading' });
    setShownFor(refreshKey);
    const reply = await loadSeries(seriesId, token);
    setView(
      reply.ok
        ? {
            kind: 'shown',
            table: seriesTable(reply.data, workshopId, (id) => credentials.participantToken(id) !== null),
          }
        : { kind: 'failed', error: reply.error },
    );
  };
  const download = async (editionId: WorkshopId, file: ExportFile) => {
    const token = credentials.participantToken(editionId);
    if (!token) return;
    const result = await downloadExport({ workshopId: editionId, file, token });
    setNote(result.ok ? { kind: 'downloaded', fileName: result.fileName } : { kind: 'failed', error: result.error });
  };
  const datesOf = (dates: EditionRow['dates']) => {
    if (!dates) return '—';
    const first = formatDay(dates.first, locale);
    return !dates.last || dates.last === dates.first
      ? first
      : t('all.dateRange', { first, last: formatDay(dates.last, locale) });
  };
  const stale = view.kind === 'shown' && shownFor !== refreshKey;
  return (
    <section className="series-overview" aria-labelledby="series-title">
      <h3 id="series-title">{t('all.title')}</h3>
      <button type="button" className="small" disabled={view.kind === 'loading'} onClick={() => void show()}>
        {view.kind === 'shown' ? (stale ? t('all.refreshStale') : t('all.refresh')) : t('all.show')}
      </button>
      {view.kind === 'loading' && <p role="status">{t('all.loading')}</p>}
      {view.kind === 'failed' && (
        <p role="alert">
          {t('all.failed')} <FailureText failure={view.error} />
        </p>
      )}
      {view.kind === 'shown' && (
        <div className="series-scroll">
          <table className="series-table">
            <thead>
              <tr>
                <th scope="col">{t('all.edition')}</th>
                <th scope="col">{t('all.workshopTitle')}</th>
                <th scope="col">{t('all.dates')}</th>
                <th scope="col">{t('all.participants')}</th>
                <th scope="col">{t('all.organisations')}</th>
                {Array.from({ length: view.table.days }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the day columns are positional
                  <th key={index} scope="col">
                    {t('all.day', { number: index + 1 })} <span className="muted">{t('all.presentOfRegistered')}</span>
                  </th>
                ))}
                <th scope="col">{t('all.reports')}</th>
              </tr>
            </thead>
            <tbody>
              {view.table.rows.map((row) => {
                const edition = t('all.editionNumber', { number: row.edition });
                return (
                  <tr key={row.workshopId} aria-current={row.current ? 'true' : undefined}>
                    <th scope="row">{edition}</th>
                    <td>{row.title}</td>
                    <td>{datesOf(row.dates)}</td>
                    <td>{row.participants}</td>
                    <td>{row.organisations}</td>
                    {row.attendance.map((cell, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the day columns are positional
                      <td key={index}>{cell}</td>
                    ))}
                    <td>
                      {row.canDownload ? (
                        <span className="button-row">
                          {REPORTS.map(({ file, kind }) => (
                            <button
                              key={file}
                              type="button"
                              className="small"
                              aria-label={t('all.reportOf', { report: t(`all.report.${kind}`), edition })}
                              onClick={() => void download(row.workshopId, file)}
                            >
                              {t(`all.report.${kind}`)}
                            </button>
                          ))}
                        </span>
                      ) : (
                        <span className="muted small-print">{t('all.openToDownload')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {note && (
        <p role="status">
          {note.kind === 'downloaded' ? (
            t('all.downloaded', { file: note.fileName })
          ) : (
            <>
              {t('all.downloadFailed')} <FailureText failure={note.error} />
            </>
          )}
        </p>
      )}
    </section>
  );
}
