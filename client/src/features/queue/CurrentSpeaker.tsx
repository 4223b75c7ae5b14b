import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { turnClock } from './turnClock.ts';
import { useSpeakerName } from './useSpeakerName.ts';

/** Who has the floor, with a countdown that turns amber at the warning and red when time is up. */
export function CurrentSpeaker() {
  const { t } = useTranslation('queue');
  const turn = useAppStore((state) => state.workshop?.queue.turn ?? null);
  const speakerName = useSpeakerName();
  const chair = useAppStore(selectIsChair);
  const isSpeaker = useAppStore((state) => turn !== null && turn.participantId === state.selfId);
  const now = useNow(500, turn !== null);
  if (!turn) {
    return (
      <section className="current-speaker idle" aria-label={t('current.label')}>
        <p className="muted">{t('current.nobody')}</p>
      </section>
    );
  }
  const clock = turnClock(turn, now);
  return (
    <section className="current-speaker" aria-label={t('current.label')} data-tone={clock.tone}>
      <p className="muted">{t('current.speakingNow')}</p>
      <p className="speaker-name">
        {speakerName(turn)} <span className={`badge kind-${turn.kind}`}>{t(`kind.${turn.kind}`)}</span>
      </p>
      <p className="countdown mono" aria-live="off">
        {clock.remainingMs === null
          ? formatDuration(clock.elapsedMs)
          : clock.tone === 'over'
            ? t('current.timeUp', { over: formatDuration(-clock.remainingMs) })
            : t('current.left', { time: formatDuration(clock.remainingMs) })}
      </p>
      {(chair || isSpeaker) && (
        <button type="button" className="small" onClick={() => void act({ type: 'queue.endTurn' })}>
          {isSpeaker && !chair ? t('current.endMyTurn') : t('current.endTurn')}
        </button>
      )}
    </section>
  );
}
