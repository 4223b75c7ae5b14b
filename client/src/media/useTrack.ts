import type { MediaSource, ParticipantId } from '@plenary/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { trackRegistry } from './tracks.ts';

export function useTrack(participantId: ParticipantId, source: MediaSource): MediaStreamTrack | undefined {
  const read = useCallback(() => trackRegistry.get(participantId, source), [participantId, source]);
  return useSyncExternalStore(trackRegistry.subscribe, read);
}
