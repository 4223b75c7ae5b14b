import type { ParticipantId, RoomId } from '../../ids.ts';
import type { Role } from './roles.ts';

/** Someone on the roster: registered once, then connects and disconnects many times. */
export interface Participant {
  id: ParticipantId;
  name: string;
  /** The administration they represent; breakout groups mix organisations. */
  organisation: string;
  country: string;
  role: Role;
  /** BCP 47 tag, e.g. `fr` or `pt-BR`. */
  language: string;
  /** IANA zone, e.g. `Europe/Lisbon`. */
  timeZone: string;
  /** Used to match CSV rows; only chairs see it. */
  email: string | null;
  /** false while waiting in the lobby. */
  admitted: boolean;
  connected: boolean;
  /** epoch ms */
  registeredAt: number;
  /** Room devices only: people in the meeting room without a device of their own. */
  inRoomPeople: string[];
}

/** Where a participant is, as the realtime layer routes media and messages. */
export type Location =
  | { kind: 'offline' }
  | { kind: 'lobby' }
  | { kind: 'plenary'; roomId: RoomId }
  | { kind: 'breakout'; roomId: RoomId; setId: string };

export interface Whereabouts {
  location: Location;
  /** A chair (or observer) looking into a breakout room; they are not a member of it. */
  visiting: RoomId | null;
}
