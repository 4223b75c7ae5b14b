import type { OpenBreakout } from '@plenary/shared';

export interface BreakoutClock {
  /** `recalling`: everyone goes back to the plenary when the countdown ends */
  phase: 'running' | 'recalling';
  remainingMs: number;
  /** 0..1 of the planned time used; for a progress bar */
  progress: number;
}

export function breakoutClock(
  open: Pick<OpenBreakout, 'openedAt' | 'endsAt' | 'recallAt'>,
  now: number,
): BreakoutClock {
  if (open.recallAt !== null) {
    return { phase: 'recalling', remainingMs: Math.max(0, open.recallAt - now), progress: 1 };
  }
  const span = Math.max(1, open.endsAt - open.openedAt);
  return {
    phase: 'running',
    remainingMs: Math.max(0, open.endsAt - now),
    progress: Math.min(1, Math.max(0, (now - open.openedAt) / span)),
  };
}

/** `Room 1` … `Room n`, the names a new set starts with (`name` words them in the chair's language). */
export const defaultRoomNames = (count: number, name = (number: number) => `Room ${number}`): string[] =>
  Array.from({ length: count }, (_, index) => name(index + 1));

/** A seed for the server's deterministic shuffle (unsigned 32-bit). */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 32) >>> 0;
}
