import { useId } from 'react';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { turnClock } from '../queue/turnClock.ts';
import { alreadyPut } from './outcomes.ts';
import { reportingNow } from './reportBack.ts';
import { SectionsView } from './SectionsView.tsx';

/**
 * Everyone in the plenary, while groups report back: which group has the floor, who reports, the
 * time left, and what the group submitted. Chairs move to the next group or stop.
 */
export function ReportBackCard() {
  const workshop = useAppStore((state) => state.workshop);
  const chair = useAppStore(selectIsChair);
  const selfId = useAppStore((state) => state.selfId);
  const titleId = useId();
  const now = useNow(500, Boolean(workshop?.reportBack));
  const current = workshop ? reportingNow(workshop) : null;
  if (!workshop || !current) return null;
  const clock = current.turn ? turnClock(current.turn, now) : null;
  const last = current.position >= current.total;
  return (
    <section className="report-back" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>Report-back: {current.roomName}</h2>
        <span className="muted small-print">
          Group {current.position} of {current.total} · {current.setName}
        </span>
      </div>
      <p className="row">
        <span className="grow">
          {current.rapporteurId === selfId ? (
            <strong>You have the floor: present your group’s outcomes.</strong>
          ) : (
            <>
              <strong>{current.rapporteurName ?? 'Nobody'}</strong> reports for the group
            </>
          )}
        </span>
        {clock && (
          <span className="countdown mono" data-tone={clock.tone}>
            {clock.remainingMs === null
              ? formatDuration(clock.elapsedMs)
              : clock.tone === 'over'
                ? `Time is up (+${formatDuration(-clock.remainingMs)})`
                : `${formatDuration(clock.remainingMs)} left`}
          </span>
        )}
      </p>
      {chair && (
        <div className="button-row">
          <button type="button" className="primary small" onClick={() => void act({ type: 'reportBack.next' })}>
            {last ? 'Finish report-back' : 'Next group'}
          </button>
          <button type="button" className="small" onClick={() => void act({ type: 'reportBack.stop' })}>
            Stop
          </button>
        </div>
      )}
      {current.version ? (
        <details open className="report-back-outcomes">
          <summary>
            What {current.roomName} submitted (version {current.version.version})
          </summary>
          <SectionsView
            sections={current.version.sections}
            proposalAction={
              chair
                ? (text) =>
                    alreadyPut(workshop, current.roomId, text) ? (
                      <span className="badge">Put to plenary</span>
                    ) : (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Put to plenary: ${text}`}
                        onClick={() => void act({ type: 'proposal.put', text, fromRoomId: current.roomId })}
                      >
                        Put to plenary
                      </button>
                    )
                : undefined
            }
          />
        </details>
      ) : (
        <p className="muted small-print">This group submitted no outcomes.</p>
      )}
    </section>
  );
}
