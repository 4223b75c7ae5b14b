import type { WorkshopId, WorkshopState } from '@plenary/shared';
import { SYSTEM_ACTOR, type WorkshopCommand } from '../domain/commands.ts';
import type { Result } from '../domain/result.ts';
import { createWorkshop, decide, nextDeadline, type WorkshopConfig } from '../domain/workshop.ts';
import type { Logger } from '../logger.ts';
import type { StoredCommand, WorkshopStore } from '../store/store.ts';
import { type Change, type Domain, replay, WorkshopSession } from './workshopSession.ts';

export type Workshop = WorkshopSession<WorkshopState, WorkshopCommand, Result>;
export type WorkshopChangeListener = (workshop: Workshop, change: Change<WorkshopState>) => void;

const domain: Domain<WorkshopState, WorkshopCommand, Result> = { decide, nextDeadline };

export interface WorkshopRegistryDeps {
  store: WorkshopStore;
  logger: Logger;
  now: () => number;
  onChange: WorkshopChangeListener;
  /**
   * Other server nodes share the store (and so the workshops): a workshop's copy here may fall
   * behind and is brought up to date before it answers a newcomer, and loading it does not mean
   * nobody is connected (people may be on another node).
   */
  shared?: boolean;
}

/**
 * The workshops this server runs. A workshop is loaded from the store on first use (its snapshot
 * plus the commands after it, replayed through the domain), once even when many ask at the same time.
 */
export class WorkshopRegistry {
  private readonly open = new Map<WorkshopId, Promise<Workshop | undefined>>();
  private readonly ready = new Map<WorkshopId, Workshop>();

  constructor(private readonly deps: WorkshopRegistryDeps) {}

  create(config: WorkshopConfig): Promise<Workshop> {
    return this.createFrom(createWorkshop(config));
  }

  /** Stores a workshop that starts from a given state (a series' next edition). */
  async createFrom(state: WorkshopState): Promise<Workshop> {
    await this.deps.store.create(state.id, state.title, state, this.deps.now());
    const workshop = this.session(state);
    this.open.set(state.id, Promise.resolve(workshop));
    this.ready.set(state.id, workshop);
    return workshop;
  }

  /**
   * The workshop, and on shared stores up to date with every revision stored before this call: for
   * answers that a client builds on (a join, a snapshot), which must not be older than what other
   * nodes have already told it.
   */
  async getLatest(id: WorkshopId): Promise<Workshop | undefined> {
    const workshop = await this.get(id);
    if (workshop && this.deps.shared) await workshop.catchUp();
    return workshop;
  }

  /** Another node stored a revision of a workshop: a copy loaded (or loading) here replays it. */
  async received(id: WorkshopId, entry: StoredCommand): Promise<void> {
    const pending = this.open.get(id);
    if (!pending) return;
    await (await pending)?.receive(entry);
  }

  /** The workshops loaded on this node. */
  loaded(): Workshop[] {
    return [...this.ready.values()];
  }

  get(id: WorkshopId): Promise<Workshop | undefined> {
    let pending = this.open.get(id);
    if (!pending) {
      pending = this.load(id);
      this.open.set(id, pending);
      // A failed or missing load is not cached: the next request tries again.
      pending.then(
        (workshop) => workshop ?? this.open.delete(id),
        () => this.open.delete(id),
      );
    }
    return pending;
  }

  async list() {
    return this.deps.store.list();
  }

  async closeAll(): Promise<void> {
    const sessions = await Promise.allSettled(this.open.values());
    for (const result of sessions) if (result.status === 'fulfilled') result.value?.close();
    this.open.clear();
    this.ready.clear();
  }

  private async load(id: WorkshopId): Promise<Workshop | undefined> {
    const stored = await this.deps.store.load(id);
    if (!stored) return undefined;
    const state = replay(domain, stored.snapshot.state as WorkshopState, stored.commands);
    this.deps.logger.info(
      { workshopId: id, revision: state.revision, replayed: stored.commands.length },
      'workshop loaded',
    );
    const workshop = this.session(state);
    this.ready.set(id, workshop);
    // With other nodes, who is connected is theirs to say (see cluster/presenceSweep.ts).
    if (this.deps.shared) return workshop;
    // Nobody is connected to a server that just started: close what the last run left open, so
    // attendance stops there and people are placed afresh when they come back.
    for (const participant of Object.values(state.participants)) {
      if (!participant.connected) continue;
      await workshop.execute({ type: 'participant.disconnected', actor: SYSTEM_ACTOR, participantId: participant.id });
    }
    return workshop;
  }

  private session(state: WorkshopState): Workshop {
    const workshop: Workshop = new WorkshopSession({
      id: state.id,
      state,
      revisionOf: (current) => current.revision,
      domain,
      store: this.deps.store,
      logger: this.deps.logger,
      now: this.deps.now,
      onChange: (change) => this.deps.onChange(workshop, change),
    });
    return workshop;
  }
}
