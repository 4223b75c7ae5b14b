import type { ParticipantId } from '@plenary/shared';

/** Where this tab is: on the join form, waiting for the join answer, or in the room. */
export type Phase = 'lobby' | 'joining' | 'joined';

/** While `reconnecting`, the socket dropped after a join; the stage stays up until it is back. */
export type Link = 'online' | 'reconnecting';

export interface SessionSlice {
  phase: Phase;
  /** The name last used to join: prefills the form after leaving and is reused on reconnect. */
  displayName: string;
  selfId: ParticipantId | null;
  link: Link;
}

export const initialSession: SessionSlice = { phase: 'lobby', displayName: '', selfId: null, link: 'online' };
