import type { Turn } from '@plenary/shared';

export type TurnTone = 'normal' | 'warning' | 'over';

export interface TurnClock {
  elapsedMs: number;
  /** null for an untimed turn; negative once the time is up */
  remainingMs: number | null;
  tone: TurnTone;
}

/** Where the current speaker's turn stands at `now`: warned from `warnAt` (or once the server says so). */
export function turnClock(turn: Pick<Turn, 'startedAt' | 'durationMs' | 'warnAt' | 'warned'>, now: number): TurnClock {
  const elapsedMs = Math.max(0, now - turn.startedAt);
  if (turn.durationMs === null) return { elapsedMs, remainingMs: null, tone: 'normal' };
  const remainingMs = turn.startedAt + turn.durationMs - now;
  const warned = turn.warned || (turn.warnAt !== null && now >= turn.warnAt);
  return { elapsedMs, remainingMs, tone: remainingMs <= 0 ? 'over' : warned ? 'warning' : 'normal' };
}
