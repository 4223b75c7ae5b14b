import type { ParticipantId, PeerInfo } from '@plenary/shared';
import type { MediaRoom } from '../media/mediaRoom.ts';

/** A room people are in right now: who is present, and the media router they share. */
export class LiveRoom {
  private readonly present = new Map<ParticipantId, PeerInfo>();

  constructor(
    readonly key: string,
    readonly media: MediaRoom,
  ) {}

  get isEmpty(): boolean {
    return this.present.size === 0;
  }

  peers(exceptParticipant?: ParticipantId): PeerInfo[] {
    return [...this.present.values()].filter((peer) => peer.participantId !== exceptParticipant);
  }

  has(participantId: ParticipantId): boolean {
    return this.present.has(participantId);
  }

  enter(peer: PeerInfo): void {
    this.present.set(peer.participantId, peer);
    this.media.addPeer(peer.participantId);
  }

  /** Releases the participant's media; true if they were here. */
  exit(participantId: ParticipantId): boolean {
    this.media.removePeer(participantId);
    return this.present.delete(participantId);
  }

  close(): void {
    this.present.clear();
    this.media.close();
  }
}
