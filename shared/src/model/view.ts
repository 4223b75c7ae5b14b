import type { ParticipantId, RoomId } from '../ids.ts';
import type { PeerConnectionInfo } from './connection.ts';
import type { IceServers, WireObject } from './media.ts';
import type { PeerInfo, ProducerInfo } from './peer.ts';
import type { BreakoutSet, OpenBreakout } from './workshop/breakouts.ts';
import type { ChatMessage } from './workshop/chat.ts';
import type { Participant, Whereabouts } from './workshop/participant.ts';
import type { WorkshopState } from './workshop/workshop.ts';

/**
 * The workshop as one participant may see it (see the server's `viewFor`): chairs see everything,
 * others see no one else's email, votes or help requests, and only the chats they may read. The
 * attendance log is not part of the live view; chairs fetch it when they look at it. Nor is `seq`,
 * the server's id counter: no change carries it, so a client's copy would only ever be stale.
 */
export type WorkshopView = Omit<WorkshopState, 'attendance' | 'seq'>;

/** Every part of the view a `workshop:changed` fact can change (besides chat). */
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

/**
 * The slices that grow with the roster travel as patches (see `ViewPatches`), so one arrival or
 * one move costs the same to send whether 10 or 1,000 people are there.
 */
export const PATCHED_SLICES = ['participants', 'breakouts'] as const satisfies readonly ViewSlice[];
export type PatchedSlice = (typeof PATCHED_SLICES)[number];
/** The slices a change replaces whole when they change. */
export type WholeSlice = Exclude<ViewSlice, PatchedSlice>;
export const WHOLE_SLICES = VIEW_SLICES.filter(
  (slice): slice is WholeSlice => !(PATCHED_SLICES as readonly string[]).includes(slice),
);
export type ViewSlices = Partial<Pick<WorkshopView, WholeSlice>>;

/** Entries of a keyed map that were added or replaced, and the keys that are gone. */
export interface RecordPatch<K extends string, V> {
  set: Partial<Record<K, V>>;
  removed: K[];
}

/** A breakout set as a change carries it: every field, but its assignments as a patch. */
export type BreakoutSetPatch = Omit<BreakoutSet, 'assignments'> & {
  /** against the set's assignments before this change (none, for a new set) */
  assignments: RecordPatch<ParticipantId, RoomId>;
};

export interface BreakoutsPatch {
  /** the running set, whole: it is small */
  open: OpenBreakout | null;
  /** every set, in order: the id of a set that did not change, or the set with a patch of its assignments */
  sets: Array<string | BreakoutSetPatch>;
}

export interface ViewPatches {
  participants?: RecordPatch<ParticipantId, Participant>;
  breakouts?: BreakoutsPatch;
  /**
   * Chat channels (by `channelKey`) this participant may read from now on, with their whole log,
   * and those they no longer may (moved to another breakout room, a new role). New messages travel
   * in `WorkshopChange.chat`.
   */
  chat?: RecordPatch<string, ChatMessage[]>;
}

/**
 * One per accepted command, to every participant of the workshop, in revision order. A client that
 * sees a revision it didn't expect (a gap) asks for a snapshot. Applying it: `applyWorkshopChange`.
 */
export interface WorkshopChange {
  revision: number;
  /** slices replaced whole */
  slices: ViewSlices;
  /** entity-level changes of the slices that grow with the roster */
  patches: ViewPatches;
  /** new chat messages this participant may read */
  chat: ChatMessage[];
}

/** The media room a participant is in: who is there and what they send. */
export interface RoomEntry {
  roomId: RoomId;
  /**
   * Everyone in the room, the one told included: those who enter together (breakouts opening) are
   * told the same description, so it is encoded once for all of them.
   */
  peers: PeerInfo[];
  /** everything offered in the room (one's own too, when one was there already) */
  producers: ProducerInfo[];
  routerRtpCapabilities: WireObject;
  /** who is speaking there now, so a newcomer sees it before the next change */
  activeSpeakerId: ParticipantId | null;
  /** how each person's media reaches the server, for those the room has been told of */
  connections: Record<ParticipantId, PeerConnectionInfo>;
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
  /** TURN servers for this participant's media transports; fresh ones: `media:refreshIceServers` */
  ice: IceServers;
}

/** Sent to a participant whose room changed (breakouts opened, moved, recalled, admitted). */
export interface RoomChanged {
  whereabouts: Whereabouts;
  room: RoomEntry | null;
}
