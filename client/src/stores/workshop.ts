// The workshop view, kept in step with the server: the join answer and snapshots replace it;
// `workshop:changed` patches it (`applyChangeToView`, shared with the server's tests), one revision
// at a time, and never out of order.
import { applyChangeToView, type JoinResult, type WorkshopChange, type WorkshopSnapshot } from '@plenary/shared';
import { roomEntered } from './room.ts';
import { withoutNotice } from './slices/notices.ts';
import type { AppState } from './state.ts';

/** The join answer: who we are, the whole workshop as we may see it, and the room we are in. */
export function workshopJoined(state: AppState, result: JoinResult): AppState {
  const next: AppState = {
    ...state,
    phase: 'in',
    link: 'online',
    selfId: result.self.id,
    workshopId: result.workshop.id,
    workshop: result.workshop,
    notices: withoutNotice(withoutNotice(state.notices, 'join'), 'connection'),
  };
  return roomEntered(next, { whereabouts: result.whereabouts, room: result.room });
}

/** A snapshot after a gap: the view and whereabouts are replaced; the media room is unchanged. */
export function snapshotApplied(state: AppState, snapshot: WorkshopSnapshot): AppState {
  return { ...state, selfId: snapshot.self.id, workshop: snapshot.workshop, whereabouts: snapshot.whereabouts };
}

/** `applied`: it was the next revision; `stale`: we had it already; `gap`: some were missed or don't fit. */
export type ChangeOutcome = 'applied' | 'stale' | 'gap';

export function applyWorkshopChange(
  state: AppState,
  change: WorkshopChange,
): { state: AppState; outcome: ChangeOutcome } {
  const workshop = state.workshop;
  if (!workshop) return { state, outcome: 'gap' };
  if (change.revision <= workshop.revision) return { state, outcome: 'stale' };
  if (change.revision !== workshop.revision + 1) return { state, outcome: 'gap' };
  // A patch that names something this view lacks means it is out of step: a snapshot puts it right.
  const next = applyChangeToView(workshop, change);
  if (!next) return { state, outcome: 'gap' };
  return { state: { ...state, workshop: next }, outcome: 'applied' };
}
