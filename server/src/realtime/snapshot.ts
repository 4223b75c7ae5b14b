import type { ParticipantId, WorkshopSnapshot, WorkshopState, WorkshopView } from '@plenary/shared';
import { roomOf } from '../domain/location.ts';
import { viewFor } from '../domain/view.ts';
import { CommandError } from '../errors.ts';

/** Where a participant is and what they may see: the join answer and the answer to a gap. */
export function snapshotFor(state: WorkshopState, participantId: ParticipantId): WorkshopSnapshot {
  const self = state.participants[participantId];
  const whereabouts = roomOf(state, participantId);
  if (!self || !whereabouts) throw new CommandError('not_found', 'you are not on this workshop’s roster');
  const { attendance: _attendance, seq: _seq, ...workshop }: WorkshopState = viewFor(state, participantId);
  return { self, workshop: workshop satisfies WorkshopView, whereabouts };
}
