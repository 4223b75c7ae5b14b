import type { ParticipantId, Presentation } from '@plenary/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import type { AppState } from '../../stores/state.ts';

type Participants = NonNullable<AppState['workshop']>['participants'];

export interface PersonOption {
  id: ParticipantId;
  name: string;
}

/** Who can be handed the deck: people admitted to the workshop, by name (room devices and observers too: a chair decides). */
export const presenterOptions = (participants: Participants | undefined): PersonOption[] =>
  Object.values(participants ?? {})
    .filter((participant) => participant.admitted)
    .map((participant) => ({ id: participant.id, name: participant.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Chairs hand the deck over, take it back and stop; a presenter may stop their own presentation. */
export function PresenterControls({ presentation, chair }: { presentation: Presentation; chair: boolean }) {
  const { t } = useTranslation('presentation');
  const selfId = useAppStore((state) => state.selfId);
  const people = presenterOptions(useAppStore((state) => state.workshop?.participants));
  const others = people.filter((person) => person.id !== presentation.presenterId);
  const [chosen, setChosen] = useState<string>('');
  const pickerId = useId();
  const target = others.find((person) => person.id === chosen) ?? others[0];
  return (
    <div className="button-row presenter-controls">
      {chair && others.length > 0 && (
        <>
          <label htmlFor={pickerId} className="visually-hidden">
            {t('controls.handOverTo')}
          </label>
          <select id={pickerId} value={target?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {others.map((person) => (
              <option key={person.id} value={person.id}>
                {person.id === selfId ? t('controls.you', { name: person.name }) : person.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={!target}
            onClick={() => target && void act({ type: 'presentation.handOver', presenterId: target.id })}
          >
            {t('controls.handOver')}
          </button>
        </>
      )}
      {chair && selfId && presentation.presenterId !== selfId && (
        <button
          type="button"
          className="small"
          onClick={() => void act({ type: 'presentation.handOver', presenterId: selfId })}
        >
          {t('controls.takeBack')}
        </button>
      )}
      <button type="button" className="small danger" onClick={() => void act({ type: 'presentation.stop' })}>
        {t('controls.stop')}
      </button>
    </div>
  );
}
