import type { WorkshopId } from '@plenary/shared';
import type { Logger } from '../logger.ts';
import { RevisionConflictError, type StoredCommand, type WorkshopStore } from '../store/store.ts';

/** A scheduled command that could not be stored is tried again after this long. */
const SCHEDULE_RETRY_MS = 1_000;
/** How often a command is decided again after another node stored the same revision first. */
const MAX_DECISIONS = 8;

/**
 * The pure domain, as the session sees it: decide, and the next timed thing to wake up for. What
 * an accepted decision says besides the next state (`Outcome`) goes back to the command's caller.
 */
export interface Domain<State, Command, Outcome extends DomainResult<State> = DomainResult<State>> {
  decide(state: State, command: Command, now: number): Outcome;
  nextDeadline(state: State): { at: number; command: Command } | null;
}

export type DomainResult<State> =
  | { ok: true; state: State }
  | { ok: false; error: { code: import('@plenary/shared').ErrorCode; message: string } };

/** A command the session itself turns down (the workshop is shutting down). */
export type Refusal = Extract<DomainResult<unknown>, { ok: false }>;

/** What listeners learn of a change: the state before and after it; what changed follows from the two. */
export interface Change<State> {
  before: State;
  after: State;
  /**
   * `local`: decided here, so this node tells everyone. `replica`: decided by another server node
   * sharing the store, and replayed here from the log; that node has told everyone already.
   */
  origin: 'local' | 'replica';
  /** the logged command that made this change; null when a replica jumped to a newer snapshot */
  entry: StoredCommand | null;
}

export interface WorkshopSessionOptions<State, Command, Outcome extends DomainResult<State>> {
  id: WorkshopId;
  state: State;
  revisionOf: (state: State) => number;
  domain: Domain<State, Command, Outcome>;
  store: WorkshopStore;
  logger: Logger;
  now: () => number;
  /** called after each accepted command is stored, before its caller's ack */
  onChange: (change: Change<State>) => void;
  /** take a snapshot every this many revisions (the log in between is replayed on load) */
  snapshotEvery?: number;
}

/**
 * The one authority for one workshop. Commands run one at a time: the domain decides, the store
 * records, and only then does the state move on and anyone hear of it — so an acknowledged command
 * is on disk, and two commands never decide against the same state. Deadlines (turn ends, breakout
 * recalls) are re-armed from the state after every change, including after a restart.
 *
 * Several server nodes may hold a copy of the same workshop. The store's log is then the arbiter:
 * a command is stored only at the revision right after the stored one, so when another node got
 * there first, this node reads what it missed, replays it, and decides again against that state.
 * Every revision is thus decided once, against the state before it, whichever node decides it.
 */
export class WorkshopSession<State, Command, Outcome extends DomainResult<State> = DomainResult<State>> {
  private current: State;
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: WorkshopSessionOptions<State, Command, Outcome>) {
    this.current = options.state;
    this.arm();
  }

  get id(): WorkshopId {
    return this.options.id;
  }

  get state(): State {
    return this.current;
  }

  execute(command: Command): Promise<Outcome | Refusal> {
    return this.enqueue(() => this.apply(command));
  }

  /**
   * Another node stored revisions this copy lacks (it said so, or a reader wants the latest): read
   * them from the store and replay them. With `revision`, nothing is read if this copy has it.
   */
  catchUp(revision?: number): Promise<void> {
    return this.enqueue(async () => {
      if (this.closed) return;
      if (revision !== undefined && this.options.revisionOf(this.current) >= revision) return;
      await this.pull();
    });
  }

  /** Another node stored `entry`: replayed at once when it is the next revision, else read from the store. */
  receive(entry: StoredCommand): Promise<void> {
    return this.enqueue(async () => {
      if (this.closed) return;
      const revision = this.options.revisionOf(this.current);
      if (entry.revision <= revision) return;
      if (entry.revision === revision + 1 && this.replayEntry(entry)) {
        this.arm();
        return;
      }
      await this.pull();
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async apply(command: Command): Promise<Outcome | Refusal> {
    const { domain, store, id, revisionOf, snapshotEvery = 200 } = this.options;
    for (let decision = 1; ; decision++) {
      if (this.closed) return { ok: false, error: { code: 'conflict', message: 'this workshop is shutting down' } };
      const now = this.options.now();
      const before = this.current;
      const result = domain.decide(before, command, now);
      if (!result.ok) return result;
      const revision = revisionOf(result.state);
      try {
        await store.append(id, revision, command, now);
      } catch (error) {
        // Another node stored this revision first: take what it decided, then decide again.
        if (!(error instanceof RevisionConflictError) || decision >= MAX_DECISIONS) throw error;
        await this.pull();
        continue;
      }
      this.current = result.state;
      this.arm();
      const entry = { revision, command, at: now };
      this.options.onChange({ before, after: result.state, origin: 'local', entry });
      // The command is in the log already: a snapshot only shortens the next load, so it is written
      // after everyone has heard of the change, and failing to write one costs a longer replay only.
      if (revision % snapshotEvery === 0) {
        await store.snapshot(id, revision, result.state).catch((error: unknown) => {
          this.options.logger.warn({ workshopId: id, revision, err: error }, 'snapshot not stored; the log has it all');
        });
      }
      return result;
    }
  }

  /** Reads and replays what the store has after this copy's revision. */
  private async pull(): Promise<void> {
    const { store, id, revisionOf } = this.options;
    const tail = await store.loadSince(id, revisionOf(this.current));
    if (!tail) return;
    if (tail.snapshot) {
      // The commands in between were folded into a snapshot: jump to it.
      this.resync(tail.snapshot.state as State, tail.commands);
    } else {
      for (const entry of tail.commands) {
        if (!this.replayEntry(entry)) {
          const stored = await store.load(id);
          if (stored) this.resync(stored.snapshot.state as State, stored.commands);
          break;
        }
      }
    }
    this.arm();
  }

  /** Applies one command another node stored; false if it does not follow from this copy's state. */
  private replayEntry(entry: StoredCommand): boolean {
    const before = this.current;
    const result = this.options.domain.decide(before, entry.command as Command, entry.at);
    if (!result.ok || this.options.revisionOf(result.state) !== entry.revision) {
      this.options.logger.error({ workshopId: this.id, revision: entry.revision }, 'replica diverged; reloading');
      return false;
    }
    this.current = result.state;
    this.options.onChange({ before, after: result.state, origin: 'replica', entry });
    return true;
  }

  private resync(snapshot: State, commands: StoredCommand[]): void {
    const before = this.current;
    this.current = replay(this.options.domain, snapshot, commands);
    this.options.onChange({ before, after: this.current, origin: 'replica', entry: null });
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
export function replay<State, Command, Outcome extends DomainResult<State>>(
  domain: Domain<State, Command, Outcome>,
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
