import type { ParticipantId, WorkshopId } from '@plenary/shared';

/** `out`: not in a workshop (landing page, join form, left); `joining`: waiting for the join answer. */
export type Phase = 'out' | 'joining' | 'in';

/** While `reconnecting`, the socket dropped after a join; the room stays on screen until it is back. */
export type Link = 'online' | 'reconnecting';

export interface SessionSlice {
  phase: Phase;
  selfId: ParticipantId | null;
  workshopId: WorkshopId | null;
  link: Link;
}

export const initialSession: SessionSlice = { phase: 'out', selfId: null, workshopId: null, link: 'online' };
