import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { turnClock } from '../queue/turnClock.ts';
import { PutToPlenary } from './OutcomesCard.tsx';
import { alreadyPut } from './outcomes.ts';
import { type ReportingNow, reportingNow } from './reportBack.ts';
import { SectionsView } from './SectionsView.tsx';

/**
 * Everyone in the plenary, while groups report back: which group has the floor, who reports, the
 * time left, and what the group submitted. Chairs move to the next group or stop.
 */
export function ReportBackCard() {
  const workshop = useAppStore((state) => state.workshop);
  const current = workshop ? reportingNow(workshop) : null;
  // Its words are fetched when a report-back starts, not by everyone who enters the stage.
  return current ? <ReportBackNow current={current} /> : null;
}

function ReportBackNow({ current }: { current: ReportingNow }) {
  const { t } = useTranslation('outcomes');
  const workshop = useAppStore((state) => state.workshop);
  const chair = useAppStore(selectIsChair);
  const selfId = useAppStore((state) => state.selfId);
  const titleId = useId();
  const now = useNow(500);
  if (!workshop) return null;
  const clock = current.turn ? turnClock(current.turn, now) : null;
  const last = current.position >= current.total;
  return (
    <section className="report-back" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{t('reportBack.title', { room: current.roomName })}</h2>
        <span className="muted small-print">
          {t('reportBack.position', { position: current.position, total: current.total, set: current.setName })}
        </span>
      </div>
      <p className="row">
        <span className="grow">
          {current.rapporteurId === selfId ? (
            <strong>{t('reportBack.yourFloor')}</strong>
          ) : (
            <>
              <strong>{current.rapporteurName ?? t('reportBack.nobody')}</strong> {t('reportBack.reports')}
            </>
          )}
        </span>
        {clock && (
          <span className="countdown mono" data-tone={clock.tone}>
            {clock.remainingMs === null
              ? formatDuration(clock.elapsedMs)
              : clock.tone === 'over'
                ? t('reportBack.timeUp', { over: formatDuration(-clock.remainingMs) })
                : t('reportBack.left', { time: formatDuration(clock.remainingMs) })}
          </span>
        )}
      </p>
      {chair && (
        <div className="button-row">
          <button type="button" className="primary small" onClick={() => void act({ type: 'reportBack.next' })}>
            {last ? t('reportBack.finish') : t('reportBack.next')}
          </button>
          <button type="button" className="small" onClick={() => void act({ type: 'reportBack.stop' })}>
            {t('reportBack.stop')}
          </button>
        </div>
      )}
      {current.version ? (
        <details open className="report-back-outcomes">
          <summary>{t('reportBack.submitted', { room: current.roomName, version: current.version.version })}</summary>
          <SectionsView
            sections={current.version.sections}
            proposalAction={
              chair
                ? (text) => (
                    <PutToPlenary
                      roomId={current.roomId}
                      text={text}
                      done={alreadyPut(workshop, current.roomId, text)}
                    />
                  )
                : undefined
            }
          />
        </details>
      ) : (
        <p className="muted small-print">{t('reportBack.nothingSubmitted')}</p>
      )}
    </section>
  );
}
