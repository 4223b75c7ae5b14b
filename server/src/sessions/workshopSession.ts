import type { WorkshopId } from '@plenary/shared';
import type { Logger } from '../logger.ts';
import type { WorkshopStore } from '../store/store.ts';

/** A scheduled command that could not be stored is tried again after this long. */
const SCHEDULE_RETRY_MS = 1_000;

/** The pure domain, as the session sees it: decide, and the next timed thing to wake up for. */
export interface Domain<State, Command, Event> {
  decide(state: State, command: Command, now: number): DomainResult<State, Event>;
  nextDeadline(state: State): { at: number; command: Command } | null;
}

export type DomainResult<State, Event> =
  | { ok: true; state: State; events: Event[] }
  | { ok: false; error: { code: import('@plenary/shared').ErrorCode; message: string } };

export interface Change<State, Event> {
  before: State;
  after: State;
  events: Event[];
}

export interface WorkshopSessionOptions<State, Command, Event> {
  id: WorkshopId;
  state: State;
  revisionOf: (state: State) => number;
  domain: Domain<State, Command, Event>;
  store: WorkshopStore;
  logger: Logger;
  now: () => number;
  /** called after each accepted command is stored, before its caller's ack */
  onChange: (change: Change<State, Event>) => void;
  /** take a snapshot every this many revisions (the log in between is replayed on load) */
  snapshotEvery?: number;
}

/**
 * The one authority for one workshop. Commands run one at a time: the domain decides, the store
 * records, and only then does the state move on and anyone hear of it — so an acknowledged command
 * is on disk, and two commands never decide against the same state. Deadlines (turn ends, breakout
 * recalls) are re-armed from the state after every change, including after a restart.
 */
export class WorkshopSession<State, Command, Event> {
  private current: State;
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: WorkshopSessionOptions<State, Command, Event>) {
    this.current = options.state;
    this.arm();
  }

  get id(): WorkshopId {
    return this.options.id;
  }

  get state(): State {
    return this.current;
  }

  execute(command: Command): Promise<DomainResult<State, Event>> {
    const run = this.tail.then(() => this.apply(command));
    this.tail = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async apply(command: Command): Promise<DomainResult<State, Event>> {
    const { domain, store, id, revisionOf, snapshotEvery = 200 } = this.options;
    if (this.closed) return { ok: false, error: { code: 'conflict', message: 'this workshop is shutting down' } };
    const now = this.options.now();
    const before = this.current;
    const result = domain.decide(before, command, now);
    if (!result.ok) return result;
    const revision = revisionOf(result.state);
    await store.append(id, revision, command, now);
    this.current = result.state;
    this.arm();
    this.options.onChange({ before, after: result.state, events: result.events });
    // The command is in the log already: a snapshot only shortens the next load, so it is written
    // after everyone has heard of the change, and failing to write one costs a longer replay only.
    if (revision % snapshotEvery === 0) {
      await store.snapshot(id, revision, result.state).catch((error: unknown) => {
        this.options.logger.warn({ workshopId: id, revision, err: error }, 'snapshot not stored; the log has it all');
      });
    }
    return result;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const deadline = this.options.domain.nextDeadline(this.current);
    if (!deadline) return;
    // setTimeout can't wait longer than ~24.8 days; a far deadline is re-checked when it would overflow.
    const delay = Math.min(Math.max(0, deadline.at - this.options.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.execute(deadline.command).then(
        (result) => {
          // A deadline that moved meanwhile is refused by the domain; that is expected, not an error.
          if (!result.ok && result.error.code !== 'conflict') {
            this.options.logger.warn({ workshopId: this.id, error: result.error }, 'scheduled command refused');
          }
        },
        (error: unknown) => {
          this.options.logger.error({ workshopId: this.id, err: error }, 'scheduled command failed; retrying');
          if (this.closed) return;
          this.timer = setTimeout(() => this.arm(), SCHEDULE_RETRY_MS);
          this.timer.unref();
        },
      );
    }, delay);
    this.timer.unref();
  }
}

/** Rebuilds a workshop's state from its newest snapshot and the commands logged after it. */
export function replay<State, Command, Event>(
  domain: Domain<State, Command, Event>,
  snapshot: State,
  commands: Array<{ revision: number; command: unknown; at: number }>,
): State {
  let state = snapshot;
  for (const entry of commands) {
    const result = domain.decide(state, entry.command as Command, entry.at);
    if (!result.ok) {
      throw new Error(`replay diverged at revision ${entry.revision}: ${result.error.message}`);
    }
    state = result.state;
  }
  return state;
}
