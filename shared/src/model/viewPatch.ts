// Making and applying the patches of `workshop:changed`. The server diffs the state before and
// after a command (the domain never mutates, so an unchanged entry is the same object); every client
// applies the same functions, so both sides agree on what a patch means.
import type { BreakoutSetPatch, BreakoutsPatch, RecordPatch, WorkshopChange, WorkshopView } from './view.ts';
import type { BreakoutSet, BreakoutsState } from './workshop/breakouts.ts';
import { type ChatMessage, channelKey, MAX_MESSAGES_PER_CHANNEL } from './workshop/chat.ts';

/** What changed between two versions of a keyed map: entries compared by identity, so O(keys). */
export function diffRecord<K extends string, V>(before: Record<K, V>, after: Record<K, V>): RecordPatch<K, V> {
  const set: Partial<Record<K, V>> = {};
  const removed: K[] = [];
  if (before === after) return { set, removed };
  for (const key of Object.keys(after) as K[]) {
    if (!Object.hasOwn(before, key) || before[key] !== after[key]) set[key] = after[key];
  }
  for (const key of Object.keys(before) as K[]) if (!Object.hasOwn(after, key)) removed.push(key);
  return { set, removed };
}

export const isEmptyPatch = <K extends string, V>(patch: RecordPatch<K, V>): boolean =>
  patch.removed.length === 0 && Object.keys(patch.set).length === 0;

/** Returns `record` itself when the patch changes nothing, so nobody re-renders for it. */
export function patchRecord<K extends string, V>(record: Record<K, V>, patch: RecordPatch<K, V>): Record<K, V> {
  if (isEmptyPatch(patch)) return record;
  const next = { ...record, ...patch.set } as Record<K, V>;
  for (const key of patch.removed) delete next[key];
  return next;
}

/** The sets after a change: unchanged ones by id, changed ones with a patch of their assignments. */
export function diffBreakouts(before: BreakoutsState, after: BreakoutsState): BreakoutsPatch {
  const previous = new Map(before.sets.map((set) => [set.id, set]));
  const sets = after.sets.map((set): string | BreakoutSetPatch => {
    const old = previous.get(set.id);
    if (old === set) return set.id;
    return { ...set, assignments: diffRecord(old?.assignments ?? {}, set.assignments) };
  });
  return { open: after.open, sets };
}

/** The breakouts after a patch; null when it names a set this view doesn't have (it is out of step). */
export function patchBreakouts(breakouts: BreakoutsState, patch: BreakoutsPatch): BreakoutsState | null {
  const previous = new Map(breakouts.sets.map((set) => [set.id, set]));
  const sets: BreakoutSet[] = [];
  for (const entry of patch.sets) {
    if (typeof entry === 'string') {
      const kept = previous.get(entry);
      if (!kept) return null;
      sets.push(kept);
    } else {
      const base: BreakoutSet['assignments'] = previous.get(entry.id)?.assignments ?? {};
      sets.push({ ...entry, assignments: patchRecord(base, entry.assignments) });
    }
  }
  return { sets, open: patch.open };
}

/** Appends messages to their channels, once each, keeping a channel as long as the server does. */
export function withChatMessages(chat: WorkshopView['chat'], messages: readonly ChatMessage[]): WorkshopView['chat'] {
  if (messages.length === 0) return chat;
  const next = { ...chat };
  for (const message of messages) {
    const key = channelKey(message.channel);
    const log = next[key] ?? [];
    if (log.some((existing) => existing.id === message.id)) continue;
    next[key] = [...log, message].slice(-MAX_MESSAGES_PER_CHANNEL);
  }
  return next;
}

/**
 * The view after one change, which must be the next revision (the caller checks). Null when the
 * change doesn't fit the view (it names a breakout set the view lacks): the caller takes a snapshot.
 */
export function applyChangeToView(view: WorkshopView, change: WorkshopChange): WorkshopView | null {
  const { participants, breakouts, chat } = change.patches;
  const nextBreakouts = breakouts ? patchBreakouts(view.breakouts, breakouts) : view.breakouts;
  if (!nextBreakouts) return null;
  return {
    ...view,
    ...change.slices,
    participants: participants ? patchRecord(view.participants, participants) : view.participants,
    breakouts: nextBreakouts,
    revision: change.revision,
    // A channel's log that comes whole may hold the new messages already: they are added once.
    chat: withChatMessages(chat ? patchRecord(view.chat, chat) : view.chat, change.chat),
  };
}
