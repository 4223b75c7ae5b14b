import {
  type ChatMessage,
  isChair,
  type ParticipantId,
  VIEW_SLICES,
  type ViewSlice,
  type ViewSlices,
  type WorkshopChange,
  type WorkshopState,
} from '@plenary/shared';
import { canReadChannel } from '../domain/chat.ts';
import type { DomainEvent } from '../domain/events.ts';
import { viewFor } from '../domain/view.ts';

/** Nobody on the roster: `viewFor` gives them the view every non-chair shares. */
const PUBLIC_VIEWER = '@public' as ParticipantId;

export interface BroadcastPlan {
  /** to every chair (their view is the whole state) */
  chairs: WorkshopChange;
  /** to every other participant not named in `personal` */
  public: WorkshopChange;
  /** participants whose change differs from the public one: their own votes, help, readable chat */
  personal: Array<{ participantId: ParticipantId; change: WorkshopChange }>;
}

const pick = (view: Pick<WorkshopState, ViewSlice>, keys: readonly ViewSlice[]): ViewSlices =>
  Object.fromEntries(keys.map((key) => [key, view[key]])) as ViewSlices;

/**
 * Who is told what after one accepted command. The domain never mutates, so a slice that is the
 * same object before and after did not change and is not sent. Every participant gets a change for
 * every revision (possibly empty) so a gap in revisions always means a lost message.
 */
export function planBroadcast(before: WorkshopState, after: WorkshopState, events: DomainEvent[]): BroadcastPlan {
  const changed = VIEW_SLICES.filter((key) => before[key] !== after[key]);
  const messages = events.flatMap((event) => (event.type === 'chat.messageSent' ? [event.message] : []));
  const revision = after.revision;
  const publicView = viewFor(after, PUBLIC_VIEWER);

  // Who sees something of their own in this change.
  const personalSlices = new Set<ParticipantId>();
  const roleChanged = new Set<ParticipantId>();
  for (const event of events) {
    if (event.type === 'participant.roleChanged') roleChanged.add(event.participantId);
  }
  if (changed.includes('polls')) {
    for (const poll of after.polls) {
      for (const voter of Object.keys(poll.votes)) personalSlices.add(voter as ParticipantId);
    }
  }
  if (changed.includes('proposals')) {
    for (const proposal of after.proposals) {
      for (const respondent of Object.keys(proposal.responses)) personalSlices.add(respondent as ParticipantId);
    }
  }
  if (changed.includes('breakouts')) {
    for (const request of after.breakouts.open?.help ?? []) personalSlices.add(request.participantId);
  }
  if (changed.includes('participants')) {
    // everyone's own record carries their email; the public one doesn't
    for (const event of events) {
      if (event.type === 'participant.updated' || event.type === 'participant.registered') {
        personalSlices.add(event.participant.id);
      }
    }
  }

  const readers = (message: ChatMessage, viewer: ParticipantId) => canReadChannel(after, viewer, message.channel);
  const personal: BroadcastPlan['personal'] = [];
  for (const participant of Object.values(after.participants)) {
    const id = participant.id;
    if (isChair(participant.role) && !roleChanged.has(id)) continue;
    const chat = messages.filter((message) => readers(message, id));
    const ownSlices = personalSlices.has(id) || roleChanged.has(id);
    if (!ownSlices && chat.length === 0) continue;
    // Someone whose role changed sees the workshop differently now: send them every slice.
    const keys = roleChanged.has(id) ? VIEW_SLICES : changed;
    const slices = ownSlices ? pick(viewFor(after, id), keys) : pick(publicView, changed);
    personal.push({ participantId: id, change: { revision, slices, chat } });
  }

  return {
    chairs: { revision, slices: pick(after, changed), chat: messages },
    public: { revision, slices: pick(publicView, changed), chat: [] },
    personal,
  };
}
