import type { ParticipantId, RoomId } from '@plenary/shared';
import type { BreakoutSet, Participant, WorkshopState } from './model.ts';

/** Ids are minted from a counter in the state, so `decide` stays deterministic. */
export function mintId(state: WorkshopState, prefix: string): { id: string; state: WorkshopState } {
  const seq = state.seq + 1;
  return { id: `${prefix}${seq}`, state: { ...state, seq } };
}

export const asRoomId = (id: string): RoomId => id as RoomId;

export const participantOf = (state: WorkshopState, id: ParticipantId): Participant | undefined =>
  state.participants[id];

export const participantList = (state: WorkshopState): Participant[] => Object.values(state.participants);

export const withParticipant = (state: WorkshopState, participant: Participant): WorkshopState => ({
  ...state,
  participants: { ...state.participants, [participant.id]: participant },
});

export const findSet = (state: WorkshopState, setId: string): BreakoutSet | undefined =>
  state.breakouts.sets.find((set) => set.id === setId);

export const openSetOf = (state: WorkshopState): BreakoutSet | undefined => {
  const open = state.breakouts.open;
  return open ? findSet(state, open.setId) : undefined;
};

export const withSet = (state: WorkshopState, set: BreakoutSet): WorkshopState => ({
  ...state,
  breakouts: { ...state.breakouts, sets: state.breakouts.sets.map((s) => (s.id === set.id ? set : s)) },
});

/** For matching what people type: Unicode-normalised, trimmed, inner spaces collapsed, lower case. */
export const normalise = (text: string): string => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * How many people a participant's answer stands for: a room device speaks for the people listed
 * in its meeting room (at least one).
 */
export const voiceWeight = (participant: Participant): number =>
  participant.role === 'room-device' ? Math.max(1, participant.inRoomPeople.length) : 1;

/** Copy of a record without one key. */
export function without<K extends string, V>(record: Record<K, V>, key: K): Record<K, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
