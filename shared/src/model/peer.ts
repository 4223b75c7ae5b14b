import type { MediaId, ParticipantId } from '../ids.ts';

/** A person present in a room, as every other person in it sees them. */
export interface PeerInfo {
  participantId: ParticipantId;
  displayName: string;
  /** epoch ms */
  joinedAt: number;
}

export const MEDIA_SOURCES = ['mic', 'camera', 'screen'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];
export type MediaKind = 'audio' | 'video';

/** A track someone offers to the room (LiveKit calls this a publication). */
export interface ProducerInfo {
  producerId: MediaId;
  participantId: ParticipantId;
  kind: MediaKind;
  source: MediaSource;
  paused: boolean;
}
