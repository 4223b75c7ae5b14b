import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesToMs } from '../../lib/time.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { readyGroups } from './reportBack.ts';

/** Chairs: each group of a set in turn gives its report to the plenary, its rapporteur given the floor. */
export function ReportBackStart() {
  const { t } = useTranslation('outcomes');
  const workshop = useAppStore((state) => state.workshop);
  const sets = workshop?.breakouts.sets ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(() =>
    String(Math.round((workshop?.settings.turnDurationMs ?? 300_000) / 60_000)),
  );
  if (!workshop || sets.length === 0 || workshop.reportBack) return null;
  // The set that ran last is the likeliest to report.
  const setId = chosen && sets.some((set) => set.id === chosen) ? chosen : (sets.at(-1)?.id ?? '');
  const ready = readyGroups(workshop, setId);
  const breakoutsOpen = workshop.breakouts.open !== null;
  const start = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    void act({ type: 'reportBack.start', setId, durationMs: value > 0 ? minutesToMs(value) : null });
  };
  return (
    <form className="panel-section inline-form" onSubmit={start} aria-labelledby="report-back-title">
      <h2 id="report-back-title" className="wide">
        {t('start.title')}
      </h2>
      {sets.length > 1 && (
        <label className="wide">
          {t('start.groupsOf')}
          <select value={setId} onChange={(event) => setChosen(event.target.value)}>
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('start.minutes')}
        <input type="number" min={0} max={120} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={breakoutsOpen || ready.reporting === 0}>
        {t('start.start')}
      </button>
      <p className="muted small-print wide">
        {breakoutsOpen
          ? t('start.closeFirst')
          : ready.reporting === 0
            ? t('start.noRapporteur')
            : t('start.ready', { reporting: ready.reporting, rooms: ready.rooms, submitted: ready.submitted })}
      </p>
    </form>
  );
}
