import type { Participant, QueueEntryKind, Speaker } from '@plenary/shared';

/** In the order a person picks them: the usual first. */
export const RAISE_KINDS: readonly QueueEntryKind[] = ['new-point', 'direct-reply', 'point-of-order'];

export interface SpeakerIdentity {
  /** the participant's name; null when the roster does not know them (any more) */
  name: string | null;
  /** a person in a meeting room, queued by its device: "Mele" of the "Suva room" device */
  inRoomName: string | null;
}

/** Who a speaker is: a participant, or a person in a meeting room listed under its device. */
export function speakerOf(
  speaker: Speaker,
  participants: Readonly<Record<string, Participant>> | undefined,
): SpeakerIdentity {
  return { name: participants?.[speaker.participantId]?.name ?? null, inRoomName: speaker.inRoomName };
}
