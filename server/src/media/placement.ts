/**
 * Where a room's newcomer gets their transports: on one of the room's routers (one per worker it
 * uses), or on a new router on another worker when the room's workers are full. Pure, so the rule
 * can be read and tested apart from mediasoup.
 */

/**
 * The consumers one worker is given before rooms spread to another: bench/sfuCost.ts measured
 * ~1,400 consumers of 500 kbit/s video per core; this leaves the rest for spikes, audio levels and
 * the pipes between workers.
 */
export const DEFAULT_CONSUMERS_PER_WORKER = 1_000;

export interface WorkerSlot<W> {
  worker: W;
  /** consumers the worker carries or expects (WorkerPool.load) */
  load: number;
  /** whether the room already has a router on this worker */
  inRoom: boolean;
}

export type Placement<W> = { kind: 'join'; worker: W } | { kind: 'spread'; worker: W };

/**
 * Rooms stay on as few workers as fit, because every extra router costs a pipe per producer:
 * 1. a worker the room uses that still has room for the newcomer (the least loaded of them);
 * 2. else a worker the room doesn't use yet that has room (least loaded): the room spreads;
 * 3. else, all full, the least loaded worker of all (spreading if it is a new one to the room).
 */
export function placeNewcomer<W>(slots: WorkerSlot<W>[], cost: number, budget: number): Placement<W> | null {
  const fits = (slot: WorkerSlot<W>) => slot.load + cost <= budget;
  const leastLoaded = (candidates: WorkerSlot<W>[]) =>
    candidates.reduce<WorkerSlot<W> | null>((best, slot) => (!best || slot.load < best.load ? slot : best), null);
  const chosen =
    leastLoaded(slots.filter((slot) => slot.inRoom && fits(slot))) ??
    leastLoaded(slots.filter((slot) => !slot.inRoom && fits(slot))) ??
    leastLoaded(slots);
  if (!chosen) return null;
  return { kind: chosen.inRoom ? 'join' : 'spread', worker: chosen.worker };
}

/**
 * What one person in a room will receive once everyone receives everyone: each producer in the room,
 * or at least one stream from each other person (their microphone) before they have produced.
 * Slightly more than the truth (it counts their own producers), which is headroom.
 */
export function streamsPerPerson(producers: number, people: number): number {
  return Math.max(producers, people - 1);
}
