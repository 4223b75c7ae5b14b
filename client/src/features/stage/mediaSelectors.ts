// What the stage needs to know about the room's media, read from the store's publications.
import type { MediaSource, ParticipantId, ProducerInfo } from '@plenary/shared';
import type { AppState } from '../../stores/state.ts';

/** Who shares a screen in this room, oldest share first (others only: ours is not in the store). */
export function selectRemoteScreens(state: AppState): ParticipantId[] {
  return unique(
    Object.values(state.producers)
      .filter((producer) => producer.source === 'screen')
      .map((producer) => producer.participantId),
  );
}

/**
 * People heard in this room who are not in it: a chair speaking to every breakout room, whose
 * microphone reaches each room as a producer of theirs without them joining it.
 */
export function selectGuests(state: AppState): ParticipantId[] {
  return unique(
    Object.values(state.producers)
      .filter((producer) => !(producer.participantId in state.peers))
      .map((producer) => producer.participantId),
  );
}

/** `participantId/source` for each source someone in the room is sending (a muted mic is not). */
export function selectSending(state: AppState): string[] {
  return Object.values(state.producers)
    .filter((producer) => !(producer.source === 'mic' && producer.paused))
    .map(sendingKey)
    .sort();
}

export const sendingKeyOf = (participantId: ParticipantId, source: MediaSource) => `${participantId}/${source}`;

const sendingKey = (producer: ProducerInfo) => sendingKeyOf(producer.participantId, producer.source);

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
