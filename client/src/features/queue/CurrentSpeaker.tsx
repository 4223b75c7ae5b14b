import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { KIND_LABELS, speakerName } from './kinds.ts';
import { turnClock } from './turnClock.ts';

/** Who has the floor, with a countdown that turns amber at the warning and red when time is up. */
export function CurrentSpeaker() {
  const turn = useAppStore((state) => state.workshop?.queue.turn ?? null);
  const participants = useAppStore((state) => state.workshop?.participants);
  const chair = useAppStore(selectIsChair);
  const isSpeaker = useAppStore((state) => turn !== null && turn.participantId === state.selfId);
  const now = useNow(500, turn !== null);
  if (!turn) {
    return (
      <section className="current-speaker idle" aria-label="Current speaker">
        <p className="muted">No one has the floor.</p>
      </section>
    );
  }
  const clock = turnClock(turn, now);
  const name = speakerName(turn, participants);
  return (
    <section className="current-speaker" aria-label="Current speaker" data-tone={clock.tone}>
      <p className="muted">Speaking now</p>
      <p className="speaker-name">
        {name} <span className={`badge kind-${turn.kind}`}>{KIND_LABELS[turn.kind]}</span>
      </p>
      <p className="countdown mono" aria-live="off">
        {clock.remainingMs === null
          ? formatDuration(clock.elapsedMs)
          : clock.tone === 'over'
            ? `Time is up (+${formatDuration(-clock.remainingMs)})`
            : `${formatDuration(clock.remainingMs)} left`}
      </p>
      {(chair || isSpeaker) && (
        <button type="button" className="small" onClick={() => void act({ type: 'queue.endTurn' })}>
          {isSpeaker && !chair ? 'End my turn' : 'End turn'}
        </button>
      )}
    </section>
  );
}
