import { isDiscussant } from '@plenary/shared';
import type { AppState } from '../../stores/state.ts';
import { myGroups } from './outcomes.ts';

/** Whether this person has a group whose outcomes they see (the Outcomes tab). */
export function hasOwnGroup(state: AppState): boolean {
  const { workshop, selfId, whereabouts } = state;
  if (!workshop) return false;
  const here =
    whereabouts?.visiting ?? (whereabouts?.location.kind === 'breakout' ? whereabouts.location.roomId : null);
  return myGroups(workshop, selfId, here).length > 0;
}

/** Open proposals and polls this person (a discussant) has not answered yet. */
export function awaitingAnswer(state: AppState): number {
  const { workshop, selfId } = state;
  const self = selfId ? workshop?.participants[selfId] : undefined;
  if (!workshop || !self || !isDiscussant(self.role)) return 0;
  const proposals = workshop.proposals.filter((p) => p.status === 'open' && !p.responses[self.id]).length;
  const polls = workshop.polls.filter((p) => p.status === 'open' && !p.votes[self.id]).length;
  return proposals + polls;
}

/** Chairs: groups that submitted outcomes not yet accepted. */
export function awaitingReview(state: AppState): number {
  return Object.values(state.workshop?.outcomes ?? {}).filter((outcomes) => outcomes.status === 'submitted').length;
}
