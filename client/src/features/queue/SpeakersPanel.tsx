import type { QueueEntry, QueueEntryKind } from '@plenary/shared';
import { useId, useState } from 'react';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { SpeakingTimeChartPanel } from '../stats/lazy.tsx';
import { CurrentSpeaker } from './CurrentSpeaker.tsx';
import { KIND_LABELS, RAISE_KINDS, speakerName } from './kinds.ts';

/** The speaker queue: who has the floor, who is waiting and why; raising and lowering one's hand. */
export function SpeakersPanel({ canSpeak }: { canSpeak: boolean }) {
  const queue = useAppStore((state) => state.workshop?.queue);
  const participants = useAppStore((state) => state.workshop?.participants);
  const selfId = useAppStore((state) => state.selfId);
  const chair = useAppStore(selectIsChair);
  if (!queue) return null;
  const entries = queue.entries;
  const own = entries.findIndex((entry) => entry.participantId === selfId && entry.inRoomName === null);
  return (
    <div className="speakers">
      <CurrentSpeaker />
      {canSpeak && <HandControls position={own === -1 ? null : own + 1} />}
      <section className="panel-section" aria-labelledby="queue-title">
        <div className="section-head">
          <h2 id="queue-title">Queue ({entries.length})</h2>
          {chair && entries.length > 0 && (
            <div className="button-row">
              <button type="button" className="primary small" onClick={() => void act({ type: 'queue.giveFloor' })}>
                Give floor
              </button>
              <button type="button" className="small" onClick={() => void act({ type: 'queue.clear' })}>
                Clear
              </button>
            </div>
          )}
        </div>
        {entries.length === 0 ? (
          <p className="muted">No one is waiting to speak.</p>
        ) : (
          <ol aria-label="Speaker queue" className="queue">
            {entries.map((entry) => (
              <QueueRow key={entry.id} entry={entry} name={speakerName(entry, participants)} chair={chair} />
            ))}
          </ol>
        )}
      </section>
      {chair && <SpeakingTimeChartPanel />}
    </div>
  );
}

function QueueRow({ entry, name, chair }: { entry: QueueEntry; name: string; chair: boolean }) {
  return (
    <li className="queue-entry">
      <span className="grow">{name}</span>
      <span className={`badge kind-${entry.kind}`}>{KIND_LABELS[entry.kind]}</span>
      {chair && (
        <span className="button-row">
          <button
            type="button"
            className="small"
            aria-label={`Give floor to ${name}`}
            onClick={() => void act({ type: 'queue.giveFloor', entryId: entry.id })}
          >
            Give floor
          </button>
          <button
            type="button"
            className="small quiet"
            aria-label={`Remove ${name}`}
            onClick={() => void act({ type: 'queue.remove', entryId: entry.id })}
          >
            Remove
          </button>
        </span>
      )}
    </li>
  );
}

function HandControls({ position }: { position: number | null }) {
  const [kind, setKind] = useState<QueueEntryKind>('new-point');
  const name = useId();
  if (position !== null) {
    return (
      <div className="hand-controls raised">
        <p role="status">Your hand is raised: you are number {position} in the queue.</p>
        <button type="button" onClick={() => void act({ type: 'queue.lowerHand' })}>
          Lower hand
        </button>
      </div>
    );
  }
  return (
    <form
      className="hand-controls"
      onSubmit={(event) => {
        event.preventDefault();
        void act({ type: 'queue.raiseHand', kind });
      }}
    >
      <fieldset className="kind-choice">
        <legend>I want to make a</legend>
        {RAISE_KINDS.map((option) => (
          <label key={option}>
            <input type="radio" name={name} value={option} checked={kind === option} onChange={() => setKind(option)} />
            {KIND_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        Raise hand
      </button>
    </form>
  );
}
