import type { QueueEntry, QueueEntryKind } from '@plenary/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { SpeakingTimeChartPanel } from '../stats/lazy.tsx';
import { CurrentSpeaker } from './CurrentSpeaker.tsx';
import { RAISE_KINDS } from './kinds.ts';
import { useSpeakerName } from './useSpeakerName.ts';

/** The speaker queue: who has the floor, who is waiting and why; raising and lowering one's hand. */
export function SpeakersPanel({ canSpeak }: { canSpeak: boolean }) {
  const { t } = useTranslation('queue');
  const queue = useAppStore((state) => state.workshop?.queue);
  const speakerName = useSpeakerName();
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
          <h2 id="queue-title">{t('queue.title', { count: entries.length })}</h2>
          {chair && entries.length > 0 && (
            <div className="button-row">
              <button type="button" className="primary small" onClick={() => void act({ type: 'queue.giveFloor' })}>
                {t('queue.giveFloor')}
              </button>
              <button type="button" className="small" onClick={() => void act({ type: 'queue.clear' })}>
                {t('queue.clear')}
              </button>
            </div>
          )}
        </div>
        {entries.length === 0 ? (
          <p className="muted">{t('queue.empty')}</p>
        ) : (
          <ol aria-label={t('queue.label')} className="queue">
            {entries.map((entry) => (
              <QueueRow key={entry.id} entry={entry} name={speakerName(entry)} chair={chair} />
            ))}
          </ol>
        )}
      </section>
      {chair && <SpeakingTimeChartPanel />}
    </div>
  );
}

function QueueRow({ entry, name, chair }: { entry: QueueEntry; name: string; chair: boolean }) {
  const { t } = useTranslation('queue');
  return (
    <li className="queue-entry">
      <span className="grow">{name}</span>
      <span className={`badge kind-${entry.kind}`}>{t(`kind.${entry.kind}`)}</span>
      {chair && (
        <span className="button-row">
          <button
            type="button"
            className="small"
            aria-label={t('queue.giveFloorTo', { name })}
            onClick={() => void act({ type: 'queue.giveFloor', entryId: entry.id })}
          >
            {t('queue.giveFloor')}
          </button>
          <button
            type="button"
            className="small quiet"
            aria-label={t('queue.removePerson', { name })}
            onClick={() => void act({ type: 'queue.remove', entryId: entry.id })}
          >
            {t('queue.remove')}
          </button>
        </span>
      )}
    </li>
  );
}

function HandControls({ position }: { position: number | null }) {
  const { t } = useTranslation('queue');
  const [kind, setKind] = useState<QueueEntryKind>('new-point');
  const name = useId();
  if (position !== null) {
    return (
      <div className="hand-controls raised">
        <p role="status">{t('hand.raised', { position })}</p>
        <button type="button" onClick={() => void act({ type: 'queue.lowerHand' })}>
          {t('hand.lower')}
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
        <legend>{t('hand.kind')}</legend>
        {RAISE_KINDS.map((option) => (
          <label key={option}>
            <input type="radio" name={name} value={option} checked={kind === option} onChange={() => setKind(option)} />
            {t(`kind.${option}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('hand.raise')}
      </button>
    </form>
  );
}
