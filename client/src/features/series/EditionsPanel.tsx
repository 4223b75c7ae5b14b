import type { WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { SeriesOverview } from './SeriesOverview.tsx';
import { createEdition } from './seriesHttp.ts';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'created'; workshopId: WorkshopId }
  | { kind: 'failed'; text: string };

/** Chairs: start the next edition of this workshop, and compare every edition of the series. */
export function EditionsPanel() {
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
      setOutcome({ kind: 'failed', text: 'This page has no participant token; reload it and try again.' });
      return;
    }
    setOutcome({ kind: 'sending' });
    const reply = await createEdition(workshopId, token, { title: newTitle.trim(), startDate, carryRoster });
    if (!reply.ok) {
      setOutcome({ kind: 'failed', text: `The new edition was not started: ${reply.message}.` });
      return;
    }
    // Kept like a join's token: opening the new edition's link enters it as this same chair.
    credentials.saveParticipantToken(reply.data.workshopId, reply.data.participantToken);
    setOutcome({ kind: 'created', workshopId: reply.data.workshopId });
  };
  return (
    <section className="panel-section editions-panel" aria-labelledby="editions-title">
      <h2 id="editions-title">Editions</h2>
      <form
        className="edition-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h3>Start the next edition</h3>
        <p className="muted small-print">
          The agenda moves to the new dates; breakout sets, library, settings and facilitators come along.
        </p>
        <Field label="Title" value={newTitle} onValueChange={setNewTitle} required maxLength={120} />
        <Field label="First day" type="date" value={startDate} onValueChange={setStartDate} required />
        <label className="checkbox">
          <input type="checkbox" checked={carryRoster} onChange={(event) => setCarryRoster(event.target.checked)} />
          Carry the participants over
        </label>
        <button
          type="submit"
          className="primary"
          disabled={outcome.kind === 'sending' || !startDate || !newTitle.trim()}
        >
          Start the next edition
        </button>
        <p role="status" className="edition-outcome">
          {outcome.kind === 'sending' && 'Starting the new edition…'}
          {outcome.kind === 'failed' && outcome.text}
          {outcome.kind === 'created' && (
            <>
              The new edition is ready: <a href={`/w/${encodeURIComponent(outcome.workshopId)}`}>open it</a>. Its
              invitation links are in its Invite tab.
            </>
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
