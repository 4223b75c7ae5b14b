import {
  type BreakoutsPatch,
  type ChatMessage,
  diffBreakouts,
  diffRecord,
  isChair,
  type Participant,
  type ParticipantId,
  type RecordPatch,
  type ViewPatches,
  type ViewSlices,
  WHOLE_SLICES,
  type WholeSlice,
  type WorkshopChange,
  type WorkshopState,
} from '@plenary/shared';
import { canReadChannel } from '../domain/chat.ts';
import { roleChanges } from '../domain/roster.ts';
import { openBreakoutFor, participantFor, sliceFor } from '../domain/view.ts';

/** Nobody on the roster: they see what every non-chair shares. */
const PUBLIC_VIEWER = '@public' as ParticipantId;

export interface BroadcastPlan {
  /** to every chair (their view is the whole state) */
  chairs: WorkshopChange;
  /** to every other participant not named in `personal` */
  public: WorkshopChange;
  /**
   * Participants whose change differs from the public one (their own record, votes, help, readable
   * chat), grouped by identical change so each distinct payload is encoded once.
   */
  personal: Array<{ participantIds: ParticipantId[]; change: WorkshopChange }>;
}

/** What changed, before anyone's redaction: whole slices by identity, patches of the large ones. */
interface Delta {
  revision: number;
  slices: WholeSlice[];
  participants: RecordPatch<ParticipantId, Participant> | null;
  breakouts: BreakoutsPatch | null;
}

/**
 * Who is told what after one accepted command. The domain never mutates, so a slice or an entry
 * that is the same object before and after did not change and is not sent. Every participant gets a
 * change for every revision (possibly empty) so a gap in revisions always means a lost message.
 * The cost is O(changed entries) per audience, plus O(roster) identity checks, never O(roster) per recipient.
 */
export function planBroadcast(before: WorkshopState, after: WorkshopState): BroadcastPlan {
  const delta: Delta = {
    revision: after.revision,
    slices: WHOLE_SLICES.filter((key) => before[key] !== after[key]),
    participants:
      before.participants === after.participants ? null : diffRecord(before.participants, after.participants),
    breakouts: before.breakouts === after.breakouts ? null : diffBreakouts(before.breakouts, after.breakouts),
  };
  const messages = newMessages(before, after);
  const publicChange = { revision: delta.revision, ...changeFor(after, delta, PUBLIC_VIEWER), chat: [] };

  const roleChanged = new Set(roleChanges(before, after));
  const ownSlices = peopleWithOwnView(after, delta, roleChanged);
  const channelsChanged = readableChannelChanges(before, after, delta);
  const groups = new Map<string, { participantIds: ParticipantId[]; change: WorkshopChange }>();
  // Without chat, only those with a view of their own need looking at, not the whole roster.
  const candidates =
    messages.length > 0
      ? (Object.keys(after.participants) as ParticipantId[])
      : new Set([...ownSlices, ...channelsChanged.keys()]);
  for (const id of candidates) {
    const participant = after.participants[id];
    if (!participant) continue;
    if (isChair(participant.role) && !roleChanged.has(id)) continue;
    const chat = messages.filter((message) => canReadChannel(after, id, message.channel));
    const channels = channelsChanged.get(id);
    if (ownSlices.has(id) || channels) {
      // Someone whose role changed sees the workshop differently now: they get everything anew.
      const whole = roleChanged.has(id) ? roleChangeDelta(before, after) : delta;
      const { slices, patches } = changeFor(after, whole, id);
      groups.set(`own:${id}`, {
        participantIds: [id],
        change: {
          revision: delta.revision,
          slices,
          patches: channels ? { ...patches, chat: channels } : patches,
          chat,
        },
      });
    } else if (chat.length > 0) {
      const key = `chat:${chat.map((message) => message.id).join(',')}`;
      const group = groups.get(key) ?? { participantIds: [], change: { ...publicChange, chat } };
      group.participantIds.push(id);
      groups.set(key, group);
    }
  }

  return {
    chairs: {
      revision: delta.revision,
      slices: pick(after, delta.slices),
      patches: patches(delta.participants, delta.breakouts),
      chat: messages,
    },
    public: publicChange,
    personal: [...groups.values()],
  };
}

/** Messages in `after`'s chat that `before`'s did not have: a log that changed grew at its end. */
export function newMessages(before: WorkshopState, after: WorkshopState): ChatMessage[] {
  if (before.chat === after.chat) return [];
  const messages: ChatMessage[] = [];
  for (const [key, log] of Object.entries(after.chat)) {
    const earlier = before.chat[key];
    if (earlier === log) continue;
    const known = new Set(earlier?.map((message) => message.id));
    for (const message of log) if (!known.has(message.id)) messages.push(message);
  }
  return messages;
}

/** Non-chairs for whom a changed slice or entry looks different from the public version. */
function peopleWithOwnView(after: WorkshopState, delta: Delta, roleChanged: Set<ParticipantId>): Set<ParticipantId> {
  const own = new Set<ParticipantId>(roleChanged);
  for (const participant of Object.values(delta.participants?.set ?? {})) {
    if (participant && participant.email !== null) own.add(participant.id);
  }
  if (delta.slices.includes('polls')) {
    for (const poll of after.polls) for (const voter of Object.keys(poll.votes)) own.add(voter as ParticipantId);
  }
  if (delta.slices.includes('proposals')) {
    for (const proposal of after.proposals) {
      for (const respondent of Object.keys(proposal.responses)) own.add(respondent as ParticipantId);
    }
  }
  if (delta.breakouts) for (const request of after.breakouts.open?.help ?? []) own.add(request.participantId);
  return own;
}

/**
 * Whose right to read chat channels may have changed (role, admission, breakout assignment, visit),
 * and for each of them the channels they gain (with the whole log) or lose.
 */
function readableChannelChanges(
  before: WorkshopState,
  after: WorkshopState,
  delta: Delta,
): Map<ParticipantId, RecordPatch<string, ChatMessage[]>> {
  const changes = new Map<ParticipantId, RecordPatch<string, ChatMessage[]>>();
  const readers = new Set<ParticipantId>();
  for (const [id, participant] of Object.entries(delta.participants?.set ?? {}) as Array<
    [ParticipantId, Participant]
  >) {
    const was = before.participants[id];
    if (was?.role !== participant.role || was?.admitted !== participant.admitted) readers.add(id);
  }
  if (delta.breakouts) {
    const kept = new Set(after.breakouts.sets.map((set) => set.id));
    for (const set of before.breakouts.sets) {
      if (!kept.has(set.id)) for (const id of Object.keys(set.assignments)) readers.add(id as ParticipantId);
    }
    for (const set of delta.breakouts.sets) {
      if (typeof set === 'string') continue;
      for (const id of [...Object.keys(set.assignments.set), ...set.assignments.removed])
        readers.add(id as ParticipantId);
    }
    const visitorsBefore = before.breakouts.open?.visitors ?? {};
    const visitorsAfter = after.breakouts.open?.visitors ?? {};
    for (const id of new Set([...Object.keys(visitorsBefore), ...Object.keys(visitorsAfter)]) as Set<ParticipantId>) {
      if (visitorsBefore[id] !== visitorsAfter[id]) readers.add(id);
    }
  }
  if (readers.size === 0) return changes;
  const channels = Object.entries(after.chat).flatMap(([key, log]) =>
    log[0] ? [{ key, log, of: log[0].channel }] : [],
  );
  for (const id of readers) {
    if (!after.participants[id]) continue;
    const set: Record<string, ChatMessage[]> = {};
    const removed: string[] = [];
    for (const { key, log, of } of channels) {
      const could = canReadChannel(before, id, of);
      const can = canReadChannel(after, id, of);
      if (can && !could) set[key] = log;
      if (could && !can) removed.push(key);
    }
    if (removed.length > 0 || Object.keys(set).length > 0) changes.set(id, { set, removed });
  }
  return changes;
}

/** For someone whose role changed: every slice, and every entry of the large ones. */
function roleChangeDelta(before: WorkshopState, after: WorkshopState): Delta {
  return {
    revision: after.revision,
    slices: [...WHOLE_SLICES],
    participants: {
      set: { ...after.participants },
      removed: diffRecord(before.participants, after.participants).removed,
    },
    breakouts: diffBreakouts(before.breakouts, after.breakouts),
  };
}

/** A delta as `viewerId` may see it (chairs see the state itself). */
function changeFor(
  state: WorkshopState,
  delta: Delta,
  viewerId: ParticipantId,
): Pick<WorkshopChange, 'slices' | 'patches'> {
  const viewer = state.participants[viewerId];
  if (viewer && isChair(viewer.role)) {
    return { slices: pick(state, delta.slices), patches: patches(delta.participants, delta.breakouts) };
  }
  const slices: ViewSlices = {};
  for (const key of delta.slices) assign(slices, key, sliceFor(state, key, viewerId));
  let participants: RecordPatch<ParticipantId, Participant> | null = null;
  if (delta.participants) {
    const set: Partial<Record<ParticipantId, Participant>> = {};
    for (const [id, participant] of Object.entries(delta.participants.set) as Array<[ParticipantId, Participant]>) {
      set[id] = participantFor(participant, viewerId);
    }
    participants = { set, removed: delta.participants.removed };
  }
  const breakouts = delta.breakouts && { ...delta.breakouts, open: openBreakoutFor(delta.breakouts.open, viewerId) };
  return { slices, patches: patches(participants, breakouts) };
}

function patches(
  participants: RecordPatch<ParticipantId, Participant> | null,
  breakouts: BreakoutsPatch | null,
): ViewPatches {
  return { ...(participants && { participants }), ...(breakouts && { breakouts }) };
}

const pick = (state: WorkshopState, keys: readonly WholeSlice[]): ViewSlices => {
  const slices: ViewSlices = {};
  for (const key of keys) assign(slices, key, state[key]);
  return slices;
};

function assign<K extends WholeSlice>(slices: ViewSlices, key: K, value: WorkshopState[K]): void {
  slices[key] = value;
}
