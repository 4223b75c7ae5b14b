import type { Role, RoomId, Whereabouts, WorkshopId, WorkshopView } from '@plenary/shared';

/**
 * The workshop as the server last described it to this participant: replaced by the join answer and
 * snapshots, patched slice by slice by `workshop:changed` in revision order (see `stores/workshop.ts`).
 */
export interface WorkshopSlice {
  workshop: WorkshopView | null;
  whereabouts: Whereabouts | null;
  /** The media room this tab is in: where the tiles come from (null in the lobby). */
  roomId: RoomId | null;
  /** Chairs: the invite tokens per role of a workshop, once created or fetched. */
  invites: { workshopId: WorkshopId; tokens: Record<Role, string> } | null;
}

export const initialWorkshop: WorkshopSlice = { workshop: null, whereabouts: null, roomId: null, invites: null };
