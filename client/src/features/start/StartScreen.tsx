import { CreateWorkshopRequestSchema } from '@plenary/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryCard } from '../../components/EntryCard.tsx';
import { FailureText } from '../../components/FailureText.tsx';
import { Field } from '../../components/Field.tsx';
import type { Failure } from '../../i18n/message.ts';
import { useProblemWords } from '../../i18n/useProblemWords.ts';
import { type FieldProblem, fieldProblem } from '../../lib/fieldProblem.ts';
import { browserTimeZone, knownTimeZones } from '../../lib/time.ts';
import { startWorkshop } from '../../session/actions.ts';

type Problem = { field: 'title' | 'timeZone'; problem: FieldProblem } | { field: null; failure: Failure };

/** `/`: anyone may start a workshop; they then join it as its facilitator. */
export function StartScreen() {
  const { t } = useTranslation('start');
  const words = useProblemWords();
  const [title, setTitle] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [lobbyEnabled, setLobbyEnabled] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(knownTimeZones, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateWorkshopRequestSchema.safeParse({ title, timeZone, settings: { lobbyEnabled } });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'timeZone' ? 'timeZone' : 'title';
      setProblem({
        field,
        problem: issue ? fieldProblem(issue, field === 'timeZone' ? 'timeZone' : 'text') : { kind: 'invalid' },
      });
      return;
    }
    setProblem(null);
    setBusy(true);
    const reply = await startWorkshop(parsed.data);
    setBusy(false);
    if (!reply.ok) setProblem({ field: null, failure: reply.error });
  };
  const problemOf = (field: 'title' | 'timeZone') =>
    problem?.field === field ? words(problem.problem, t(field === 'title' ? 'workshopTitle' : 'timeZone')) : null;

  return (
    <EntryCard title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label={t('workshopTitle')}
          value={title}
          onValueChange={setTitle}
          maxLength={120}
          required
          placeholder={t('titlePlaceholder')}
          problem={problemOf('title')}
        />
        <Field
          label={t('timeZone')}
          value={timeZone}
          onValueChange={setTimeZone}
          suggestions={zones}
          hint={t('timeZoneHint')}
          problem={problemOf('timeZone')}
        />
        <label className="check">
          <input type="checkbox" checked={lobbyEnabled} onChange={(event) => setLobbyEnabled(event.target.checked)} />
          <span>
            {t('useLobby')}
            <span className="field-hint">{t('useLobbyHint')}</span>
          </span>
        </label>
        {problem && (
          <p role="alert" className="form-problem">
            {problem.field === null ? (
              <>
                {t('notCreated')} <FailureText failure={problem.failure} />
              </>
            ) : (
              problemOf(problem.field)
            )}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </EntryCard>
  );
}
