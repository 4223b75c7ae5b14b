import type { Participant, QueueEntryKind, Speaker } from '@plenary/shared';

export const KIND_LABELS: Record<QueueEntryKind, string> = {
  'new-point': 'New point',
  'direct-reply': 'Direct reply',
  'point-of-order': 'Point of order',
};

/** In the order a person picks them: the usual first. */
export const RAISE_KINDS: readonly QueueEntryKind[] = ['new-point', 'direct-reply', 'point-of-order'];

/** A participant, or a person in a meeting room listed under its device: "Mele (Suva room)". */
export function speakerName(speaker: Speaker, participants: Readonly<Record<string, Participant>> | undefined): string {
  const name = participants?.[speaker.participantId]?.name ?? 'Someone';
  return speaker.inRoomName ? `${speaker.inRoomName} (${name})` : name;
}
