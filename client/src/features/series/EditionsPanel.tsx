import type { WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import { Field } from '../../components/Field.tsx';
import type { Failure } from '../../i18n/message.ts';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { SeriesOverview } from './SeriesOverview.tsx';
import { createEdition } from './seriesHttp.ts';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'created'; workshopId: WorkshopId }
  | { kind: 'failed'; error: Failure };

/** Chairs: start the next edition of this workshop, and compare every edition of the series. */
export function EditionsPanel() {
  const { t } = useTranslation('series');
  const workshopId = useAppStore((state) => state.workshopId);
  const title = useAppStore((state) => state.workshop?.title ?? '');
  const seriesId = useAppStore((state) => state.workshop?.series?.seriesId ?? state.workshop?.id ?? null);
  const [newTitle, setNewTitle] = useState(title);
  const [startDate, setStartDate] = useState('');
  const [carryRoster, setCarryRoster] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  if (!workshopId || !seriesId) return null;
  const submit = async () => {
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setOutcome({ kind: 'failed', error: { code: 'no_token', message: '' } });
      return;
    }
    setOutcome({ kind: 'sending' });
    const reply = await createEdition(workshopId, token, { title: newTitle.trim(), startDate, carryRoster });
    if (!reply.ok) {
      setOutcome({ kind: 'failed', error: reply.error });
      return;
    }
    // Kept like a join's token: opening the new edition's link enters it as this same chair.
    credentials.saveParticipantToken(reply.data.workshopId, reply.data.participantToken);
    setOutcome({ kind: 'created', workshopId: reply.data.workshopId });
  };
  return (
    <section className="panel-section editions-panel" aria-labelledby="editions-title">
      <h2 id="editions-title">{t('title')}</h2>
      <form
        className="edition-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h3>{t('next.title')}</h3>
        <p className="muted small-print">{t('next.explain')}</p>
        <Field label={t('next.workshopTitle')} value={newTitle} onValueChange={setNewTitle} required maxLength={120} />
        <Field label={t('next.firstDay')} type="date" value={startDate} onValueChange={setStartDate} required />
        <label className="checkbox">
          <input type="checkbox" checked={carryRoster} onChange={(event) => setCarryRoster(event.target.checked)} />
          {t('next.carryRoster')}
        </label>
        <button
          type="submit"
          className="primary"
          disabled={outcome.kind === 'sending' || !startDate || !newTitle.trim()}
        >
          {t('next.start')}
        </button>
        <p role="status" className="edition-outcome">
          {outcome.kind === 'sending' && t('next.starting')}
          {outcome.kind === 'failed' && (
            <>
              {t('next.failed')} <FailureText failure={outcome.error} />
            </>
          )}
          {outcome.kind === 'created' && (
            <Trans
              t={t}
              i18nKey="next.ready"
              components={[
                // biome-ignore lint/a11y/useAnchorContent: the translation puts the words inside the link
                <a key="open" href={`/w/${encodeURIComponent(outcome.workshopId)}`} />,
              ]}
            />
          )}
        </p>
      </form>
      <SeriesOverview
        workshopId={workshopId}
        seriesId={seriesId}
        refreshKey={outcome.kind === 'created' ? outcome.workshopId : ''}
      />
    </section>
  );
}
