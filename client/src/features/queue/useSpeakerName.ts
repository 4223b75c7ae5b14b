import type { Speaker } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/appStore.ts';
import { speakerOf } from './kinds.ts';

/** A speaker as the queue names them: "Ana", or "Mele (Suva room)" for a person in a meeting room. */
export function useSpeakerName(): (speaker: Speaker) => string {
  const { t } = useTranslation('queue');
  const participants = useAppStore((state) => state.workshop?.participants);
  return (speaker) => {
    const { name, inRoomName } = speakerOf(speaker, participants);
    const person = name ?? t('someone');
    return inRoomName ? t('inRoom', { person: inRoomName, room: person }) : person;
  };
}
