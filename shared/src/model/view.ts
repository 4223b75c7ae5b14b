import type { ParticipantId, RoomId } from '../ids.ts';
import type { WireObject } from './media.ts';
import type { PeerInfo, ProducerInfo } from './peer.ts';
import type { ChatMessage } from './workshop/chat.ts';
import type { Participant, Whereabouts } from './workshop/participant.ts';
import type { WorkshopState } from './workshop/workshop.ts';

/**
 * The workshop as one participant may see it (see the server's `viewFor`): chairs see everything,
 * others see no one else's email, votes or help requests, and only the chats they may read. The
 * attendance log is not part of the live view; chairs fetch it when they look at it.
 */
export type WorkshopView = Omit<WorkshopState, 'attendance'>;

/** The parts of the view a `workshop:changed` fact replaces whole when they change. */
export const VIEW_SLICES = [
  'title',
  'timeZone',
  'settings',
  'participants',
  'days',
  'agenda',
  'currentItem',
  'queue',
  'breakouts',
  'polls',
  'proposals',
  'outcomes',
  'reportBack',
  'library',
  'presentation',
  'series',
] as const satisfies ReadonlyArray<keyof WorkshopView>;
export type ViewSlice = (typeof VIEW_SLICES)[number];
export type ViewSlices = Partial<Pick<WorkshopView, ViewSlice>>;

/**
 * One per accepted command, to every participant of the workshop, in revision order. A client that
 * sees a revision it didn't expect (a gap) asks for a snapshot.
 */
export interface WorkshopChange {
  revision: number;
  slices: ViewSlices;
  /** new chat messages this participant may read */
  chat: ChatMessage[];
}

/** The media room a participant is in: who is there and what they send. */
export interface RoomEntry {
  roomId: RoomId;
  peers: PeerInfo[];
  producers: ProducerInfo[];
  routerRtpCapabilities: WireObject;
  /** who is speaking there now, so a newcomer sees it before the next change */
  activeSpeakerId: ParticipantId | null;
}

export interface WorkshopSnapshot {
  self: Participant;
  workshop: WorkshopView;
  whereabouts: Whereabouts;
}

export interface JoinResult extends WorkshopSnapshot {
  /** keep it (e.g. in localStorage) to come back as the same participant */
  participantToken: string;
  /** null while in the lobby */
  room: RoomEntry | null;
  /** the server's clock (epoch ms) when it answered: countdowns correct the device's clock by it */
  serverNow: number;
}

/** Sent to a participant whose room changed (breakouts opened, moved, recalled, admitted). */
export interface RoomChanged {
  whereabouts: Whereabouts;
  room: RoomEntry | null;
}
