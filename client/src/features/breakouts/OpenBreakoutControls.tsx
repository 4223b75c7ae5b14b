import type { HelpRequest, WorkshopView } from '@plenary/shared';
import { type FormEvent, useState } from 'react';
import { formatClock, formatDuration, minutesToMs } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';
import { BoardLauncher } from './board/BoardLauncher.tsx';
import { breakoutClock } from './breakoutClock.ts';
import { setRosters } from './breakoutRooms.ts';

/** Chairs, while a set is open: time, messages to every room, visits, help, and bringing everyone back. */
export function OpenBreakoutControls() {
  const workshop = useAppStore((state) => state.workshop);
  const visiting = useAppStore((state) => state.whereabouts?.visiting ?? null);
  const zone = useAppStore(selectViewerTimeZone);
  const now = useNow(1000);
  const open = workshop?.breakouts.open;
  const set = workshop?.breakouts.sets.find((candidate) => candidate.id === open?.setId);
  if (!workshop || !open || !set) return null;
  const clock = breakoutClock(open, now);
  const { rooms } = setRosters(set, workshop.participants);
  return (
    <div className="open-breakout">
      <section className="panel-section" aria-labelledby="open-set-title">
        <div className="section-head">
          <h2 id="open-set-title">{set.name} is open</h2>
          <p className="countdown mono" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
            {clock.phase === 'recalling'
              ? `Closing in ${formatDuration(clock.remainingMs)}`
              : `${formatDuration(clock.remainingMs)} left`}
          </p>
        </div>
        <p className="muted small-print">
          {clock.phase === 'recalling' ? 'Rooms close' : 'Ends'} at {formatClock(open.recallAt ?? open.endsAt, zone)}
        </p>
        <div className="button-row">
          {clock.phase === 'running' && (
            <button type="button" onClick={() => void act({ type: 'breakouts.recall' })}>
              Recall everyone
            </button>
          )}
          <button type="button" className="danger" onClick={() => void act({ type: 'breakouts.close' })}>
            Close rooms now
          </button>
        </div>
        <Extend />
      </section>
      <Broadcast />
      <HelpRequests help={open.help} workshop={workshop} />
      <section className="panel-section" aria-labelledby="rooms-title">
        <h2 id="rooms-title">Rooms</h2>
        <BoardLauncher set={set} live />
        <ul className="room-rosters">
          {rooms.map((room) => {
            const here = visiting === room.roomId;
            const present = room.members.filter((person) => person.connected);
            return (
              <li key={room.roomId} className="row" data-visiting={here ? '' : undefined}>
                <span className="grow">
                  <strong>{room.name}</strong> <span className="count">({present.length})</span>
                  <span className="muted"> {present.map((person) => person.name).join(', ') || 'empty'}</span>
                </span>
                <button
                  type="button"
                  className="small"
                  aria-label={here ? `Stop visiting ${room.name}` : `Visit ${room.name}`}
                  onClick={() => void act({ type: 'breakouts.visit', roomId: here ? null : room.roomId })}
                >
                  {here ? 'Stop visiting' : 'Visit'}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function Extend() {
  const [minutes, setMinutes] = useState('5');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act({ type: 'breakouts.extend', byMs: minutesToMs(Number(minutes) || 1) });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        Extend by (minutes)
        <input type="number" min={1} max={240} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </label>
      <button type="submit">Extend</button>
    </form>
  );
}

function Broadcast() {
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = text;
    if (await act({ type: 'breakouts.broadcast', text: sent })) setText((current) => (current === sent ? '' : current));
  };
  return (
    <form className="panel-section inline-form" onSubmit={submit}>
      <label className="wide">
        Message to all rooms
        <textarea rows={2} maxLength={1000} required value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit">Broadcast</button>
    </form>
  );
}

function HelpRequests({ help, workshop }: { help: HelpRequest[]; workshop: WorkshopView }) {
  if (help.length === 0) return null;
  const roomName = (roomId: string) =>
    workshop.breakouts.sets.flatMap((set) => set.rooms).find((room) => room.id === roomId)?.name ?? 'a room';
  return (
    <section className="panel-section help-requests" aria-labelledby="help-title">
      <h2 id="help-title">Help requested ({help.length})</h2>
      <ul className="plain-list">
        {help.map((request) => {
          const who = workshop.participants[request.participantId]?.name ?? 'Someone';
          const room = roomName(request.roomId);
          return (
            <li key={request.id} className="row">
              <span className="grow">
                <strong>{who}</strong> in {room}
                {request.message && <span className="muted"> · “{request.message}”</span>}
                {request.acknowledgedBy && <span className="badge">On it</span>}
              </span>
              <span className="button-row">
                {!request.acknowledgedBy && (
                  <button
                    type="button"
                    className="small"
                    aria-label={`Acknowledge ${who}'s request`}
                    onClick={() => void act({ type: 'breakouts.acknowledgeHelp', requestId: request.id })}
                  >
                    Acknowledge
                  </button>
                )}
                <button
                  type="button"
                  className="small"
                  aria-label={`Visit ${room}`}
                  onClick={() => void act({ type: 'breakouts.visit', roomId: request.roomId })}
                >
                  Visit
                </button>
                <button
                  type="button"
                  className="small quiet"
                  aria-label={`Resolve ${who}'s request`}
                  onClick={() => void act({ type: 'breakouts.resolveHelp', requestId: request.id })}
                >
                  Resolve
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
