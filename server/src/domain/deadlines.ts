import { SYSTEM_ACTOR, type WorkshopCommand } from './commands.ts';
import type { WorkshopState } from './model.ts';
import { turnEndsAt } from './queue.ts';

export interface Deadline {
  /** epoch ms */
  at: number;
  /** What the server's scheduler should pass to `decide` at `at`. */
  command: WorkshopCommand;
}

/**
 * The earliest timed thing the workshop is waiting for, so the server arms one timer. After every
 * accepted command the server asks again and re-arms. A command fired late or for a deadline that
 * has since moved is refused by `decide` with `conflict` and can be ignored.
 */
export function nextDeadline(state: WorkshopState): Deadline | null {
  const candidates: Deadline[] = [];
  const turn = state.queue.turn;
  if (turn) {
    if (turn.warnAt !== null && !turn.warned) {
      candidates.push({ at: turn.warnAt, command: { type: 'queue.turnTick', actor: SYSTEM_ACTOR } });
    }
    const endsAt = turnEndsAt(turn);
    if (endsAt !== null) candidates.push({ at: endsAt, command: { type: 'queue.endTurn', actor: SYSTEM_ACTOR } });
  }
  const open = state.breakouts.open;
  if (open) {
    candidates.push(
      open.recallAt === null
        ? { at: open.endsAt, command: { type: 'breakouts.recall', actor: SYSTEM_ACTOR } }
        : { at: open.recallAt, command: { type: 'breakouts.close', actor: SYSTEM_ACTOR } },
    );
  }
  let earliest: Deadline | null = null;
  for (const candidate of candidates) if (!earliest || candidate.at < earliest.at) earliest = candidate;
  return earliest;
}
