import { type FormEvent, useState } from 'react';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { findBreakoutRoom, selectIsChair } from '../../stores/selectors.ts';
import { ChairBreakouts } from '../console/chairOnly.tsx';
import { breakoutClock } from './breakoutClock.ts';
import { broadcastsIn } from './breakoutRooms.ts';

export function BreakoutsPanel({ canAskForHelp }: { canAskForHelp: boolean }) {
  const chair = useAppStore(selectIsChair);
  return chair ? <ChairBreakouts /> : <MyBreakout canAskForHelp={canAskForHelp} />;
}

/** Everyone else: their own room while breakouts run. */
function MyBreakout({ canAskForHelp }: { canAskForHelp: boolean }) {
  const workshop = useAppStore((state) => state.workshop);
  const location = useAppStore((state) => state.whereabouts?.location);
  const now = useNow(1000, Boolean(workshop?.breakouts.open));
  const open = workshop?.breakouts.open;
  if (!workshop || !open) return <p className="muted">No breakout rooms are open.</p>;
  if (location?.kind !== 'breakout') {
    return <p className="muted">Breakout rooms are open; you are not in one of the groups.</p>;
  }
  const found = findBreakoutRoom(workshop, location.roomId);
  const clock = breakoutClock(open, now);
  const members = Object.values(workshop.participants).filter(
    (person) => found?.set.assignments[person.id] === location.roomId,
  );
  const rapporteurId = found?.room.rapporteurId;
  const broadcasts = broadcastsIn(workshop.chat, location.roomId);
  return (
    <div className="my-breakout">
      <section className="panel-section" aria-label="Your breakout room">
        <h2>{found?.room.name ?? 'Your room'}</h2>
        <p className="countdown mono" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
          {clock.phase === 'recalling'
            ? `Back to the plenary in ${formatDuration(clock.remainingMs)}`
            : `${formatDuration(clock.remainingMs)} left`}
        </p>
        <ul className="plain-list" aria-label="In this group">
          {members.map((person) => (
            <li key={person.id} className={person.connected ? undefined : 'muted'}>
              {person.name} <span className="muted">· {person.organisation}</span>
              {person.id === rapporteurId && <span className="badge">Rapporteur</span>}
              {!person.connected && <span className="muted"> (away)</span>}
            </li>
          ))}
        </ul>
      </section>
      {broadcasts.length > 0 && (
        <section className="panel-section" aria-label="Messages from the facilitators">
          <h2>From the facilitators</h2>
          <ul className="plain-list broadcasts">
            {broadcasts.map((message) => (
              <li key={message.id}>{message.text}</li>
            ))}
          </ul>
        </section>
      )}
      {canAskForHelp && <AskForHelp />}
    </div>
  );
}

function AskForHelp() {
  const mine = useAppStore((state) =>
    state.workshop?.breakouts.open?.help.find((r) => r.participantId === state.selfId),
  );
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act({ type: 'breakouts.requestHelp', message: message.trim() || null })) setMessage('');
  };
  if (mine) {
    return (
      <p role="status" className="help-status">
        {mine.acknowledgedBy ? 'A facilitator is on the way.' : 'You asked for help; the facilitators have been told.'}
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="wide">
        What do you need? (optional)
        <input value={message} maxLength={280} onChange={(event) => setMessage(event.target.value)} />
      </label>
      <button type="submit">Ask for help</button>
    </form>
  );
}
