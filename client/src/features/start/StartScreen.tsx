import { CreateWorkshopRequestSchema } from '@plenary/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { EntryCard } from '../../components/EntryCard.tsx';
import { Field } from '../../components/Field.tsx';
import { browserTimeZone, knownTimeZones } from '../../lib/time.ts';
import { startWorkshop } from '../../session/actions.ts';

/** `/`: anyone may start a workshop; they then join it as its facilitator. */
export function StartScreen() {
  const [title, setTitle] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [lobbyEnabled, setLobbyEnabled] = useState(true);
  const [problem, setProblem] = useState<{ field: 'title' | 'timeZone' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(knownTimeZones, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateWorkshopRequestSchema.safeParse({ title, timeZone, settings: { lobbyEnabled } });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'timeZone' ? 'timeZone' : 'title';
      const name = field === 'title' ? 'Workshop title' : 'Time zone';
      setProblem({ field, text: `${name}: ${issue?.message ?? 'please check it'}.` });
      return;
    }
    setProblem(null);
    setBusy(true);
    const reply = await startWorkshop(parsed.data);
    setBusy(false);
    if (!reply.ok) setProblem({ field: null, text: `The workshop could not be created: ${reply.error.message}` });
  };

  return (
    <EntryCard title="Start a workshop">
      <p className="lead">
        Create a workshop, join it as its facilitator, then share invitation links with delegates, rapporteurs and
        observers.
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label="Workshop title"
          value={title}
          onValueChange={setTitle}
          maxLength={120}
          required
          placeholder="Regional training workshop"
          problem={problem?.field === 'title' ? problem.text : null}
        />
        <Field
          label="Time zone"
          value={timeZone}
          onValueChange={setTimeZone}
          suggestions={zones}
          hint="The agenda is written in this zone; everyone sees times on their own clock."
          problem={problem?.field === 'timeZone' ? problem.text : null}
        />
        <label className="check">
          <input type="checkbox" checked={lobbyEnabled} onChange={(event) => setLobbyEnabled(event.target.checked)} />
          <span>
            Use a lobby
            <span className="field-hint">People wait until a facilitator lets them in.</span>
          </span>
        </label>
        {problem && (
          <p role="alert" className="form-problem">
            {problem.text}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create workshop'}
        </button>
      </form>
    </EntryCard>
  );
}
