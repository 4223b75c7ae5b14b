import type { ParticipantId } from '@plenary/shared';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import { ActiveSpeaker } from './activeSpeaker.ts';
import { mediaCodecs } from './codecs.ts';
import type { ProducerData } from './mediaPeer.ts';
import { placeNewcomer, streamsPerPerson } from './placement.ts';
import type { WorkerPool } from './workerPool.ts';

/** One of a room's routers: the room's share of one worker. */
export interface Leg {
  readonly router: types.Router;
  readonly worker: types.Worker;
  /** the people whose transports are on this router */
  readonly people: Set<ParticipantId>;
}

/** Where a room's producer comes from: its own people, another room of this node, another node. */
export type Origin = 'own' | 'guest' | 'remote';

export interface RoomProducer {
  /** the producer where it entered the room (the same id in every router of the room) */
  readonly producer: types.Producer<ProducerData>;
  readonly origin: Origin;
  readonly leg: Leg;
}

interface Entry extends RoomProducer {
  /** the producer in each router of the room: resolves to null if it could not be piped there */
  readonly copies: Map<Leg, Promise<types.Producer<ProducerData> | null>>;
}

// Routers of one host talk over loopback, whatever address browsers and other hosts are given.
const LOOPBACK = { protocol: 'udp', ip: '127.0.0.1' } as const;

/**
 * A room's routers: one on its first ("home") worker, and one on each other worker it spread to when
 * its workers were full. Every producer of the room is piped into every router of the room with
 * `pipeToRouter` (which keeps the producer's id: one id per producer across the room, and never two
 * routers of a room on one worker, where mediasoup would refuse that id twice). People get their
 * transports, and so their consumers, on the router they were placed on.
 *
 * The home router lives as long as the room: it holds the active-speaker observer (every audio
 * producer reaches it), guests from other rooms and producers from other nodes enter there, and
 * links to other nodes attach to it. Another router closes when its last person leaves.
 */
export class RoomRouters {
  private readonly legs: Leg[];
  private readonly entries = new Map<string, Entry>();
  private readonly placed = new Map<ParticipantId, Leg>();
  private readonly opening = new Map<types.Worker, Promise<Leg>>();
  private readonly localWatchers = new Set<(producer: types.Producer<ProducerData>) => void>();
  private closed = false;
  /** a pipe between its routers could not be made: the room is to move to new routers */
  private broken = false;

  private constructor(
    home: Leg,
    private readonly speaker: ActiveSpeaker,
    private readonly pool: WorkerPool,
    private readonly onBroken: (routers: RoomRouters) => void,
    private readonly logger: Logger,
  ) {
    this.legs = [home];
    this.watch(home);
  }

  static async create(
    pool: WorkerPool,
    onSpeaker: (participantId: ParticipantId) => void,
    onBroken: (routers: RoomRouters) => void,
    logger: Logger,
  ): Promise<RoomRouters> {
    const { router, worker } = await pool.createRouter(mediaCodecs);
    try {
      const speaker = await ActiveSpeaker.watch(router, onSpeaker);
      return new RoomRouters({ router, worker, people: new Set() }, speaker, pool, onBroken, logger);
    } catch (error) {
      router.close();
      throw error;
    }
  }

  /** Closed with its room, or because the room moved to new routers. */
  get isClosed(): boolean {
    return this.closed;
  }

  get home(): Leg {
    return this.legs[0] as Leg;
  }

  /** The process ids of the workers the room uses, home first. */
  workerPids(): number[] {
    return this.legs.map((leg) => leg.worker.pid);
  }

  legOf(participantId: ParticipantId): Leg | undefined {
    return this.placed.get(participantId);
  }

  producers(): RoomProducer[] {
    return [...this.entries.values()];
  }

  producersOf(participantId: ParticipantId, origin: Origin): types.Producer<ProducerData>[] {
    const matching = this.producers().filter(
      (entry) => entry.origin === origin && entry.producer.appData.participantId === participantId,
    );
    return matching.map((entry) => entry.producer);
  }

  find(producerId: string): RoomProducer | undefined {
    return this.entries.get(producerId);
  }

  /** The router a participant's transports go on, chosen on first use (see placeNewcomer). */
  async place(participantId: ParticipantId): Promise<Leg> {
    const known = this.placed.get(participantId);
    if (known) return known;
    const cost = streamsPerPerson(this.entries.size, this.placed.size + 1);
    const slots = this.pool.liveWorkers().map((worker) => ({
      worker,
      load: this.pool.load(worker),
      inRoom: this.legs.some((leg) => leg.worker === worker),
    }));
    const placement = placeNewcomer(slots, cost, this.pool.consumersPerWorker);
    const existing = placement && this.legs.find((leg) => leg.worker === placement.worker);
    const leg = existing ?? (placement ? await this.open(placement.worker) : this.home);
    // Placed meanwhile by a concurrent call: keep the first answer.
    const raced = this.placed.get(participantId);
    if (raced) return raced;
    leg.people.add(participantId);
    this.placed.set(participantId, leg);
    this.updateExpectations();
    return leg;
  }

  /** The participant is gone: their router closes if it was an extra one and is now empty. */
  unplace(participantId: ParticipantId): void {
    const leg = this.placed.get(participantId);
    if (!leg) return;
    this.placed.delete(participantId);
    leg.people.delete(participantId);
    if (leg !== this.home && leg.people.size === 0) this.closeLeg(leg);
    this.updateExpectations();
  }

  /**
   * A producer enters the room on `leg` and is piped into every other router of the room. Resolves
   * once it is everywhere (or has failed somewhere, which is logged: its consumers there are refused).
   */
  async add(producer: types.Producer<ProducerData>, origin: Origin, leg: Leg = this.home): Promise<void> {
    const entry: Entry = { producer, origin, leg, copies: new Map([[leg, Promise.resolve(producer)]]) };
    this.entries.set(producer.id, entry);
    producer.observer.once('close', () => {
      if (this.entries.get(producer.id) === entry) this.entries.delete(producer.id);
      this.updateExpectations();
    });
    if (leg === this.home) void this.listenTo(producer);
    await Promise.all(this.legs.filter((other) => other !== leg).map((other) => this.copy(entry, other)));
    this.updateExpectations();
    if (origin !== 'remote') void this.reportLocal(entry, this.localWatchers);
  }

  /** See LinkableRoom.watchLocalProducers: reports the home copies of producers not from other nodes. */
  watchLocal(onProducer: (producer: types.Producer<ProducerData>) => void): () => void {
    this.localWatchers.add(onProducer);
    for (const entry of this.entries.values()) {
      if (entry.origin !== 'remote') void this.reportLocal(entry, [onProducer]);
    }
    return () => this.localWatchers.delete(onProducer);
  }

  /** The producer's copy in a router of the room, once it is there; undefined if not in the room. */
  async on(leg: Leg, producerId: string): Promise<types.Producer<ProducerData> | undefined> {
    const entry = this.entries.get(producerId);
    if (!entry) return undefined;
    const copy = await (entry.copies.get(leg) ?? this.copy(entry, leg));
    return copy && !copy.closed ? copy : undefined;
  }

  close(): void {
    this.closed = true;
    for (const leg of this.legs) {
      this.pool.release(leg.worker, leg);
      leg.router.close();
    }
    this.entries.clear();
    this.placed.clear();
    this.localWatchers.clear();
  }

  private async reportLocal(entry: Entry, watchers: Iterable<(producer: types.Producer<ProducerData>) => void>) {
    const copy = await (entry.copies.get(this.home) ?? this.copy(entry, this.home));
    if (!copy || copy.closed || this.closed) return;
    for (const watcher of watchers) watcher(copy);
  }

  /** A new router for the room on `worker`, holding a copy of every producer the room has. */
  private open(worker: types.Worker): Promise<Leg> {
    let opening = this.opening.get(worker);
    if (!opening) {
      opening = (async () => {
        const { router } = await this.pool.createRouter(mediaCodecs, worker);
        if (this.closed) {
          router.close();
          throw new Error('the room closed');
        }
        const leg: Leg = { router, worker, people: new Set() };
        this.legs.push(leg);
        this.watch(leg);
        this.logger.info({ routerId: router.id, workerPid: worker.pid, routers: this.legs.length }, 'room spread');
        await Promise.all([...this.entries.values()].map((entry) => this.copy(entry, leg)));
        return leg;
      })();
      this.opening.set(worker, opening);
      void opening.then(
        () => this.opening.delete(worker),
        () => this.opening.delete(worker),
      );
    }
    return opening;
  }

  private closeLeg(leg: Leg): void {
    this.legs.splice(this.legs.indexOf(leg), 1);
    this.pool.release(leg.worker, leg);
    for (const entry of this.entries.values()) entry.copies.delete(leg);
    // Its pipe transports close with it, and their partners in the other routers with them.
    leg.router.close();
    this.logger.info({ routerId: leg.router.id, routers: this.legs.length }, 'empty extra router closed');
  }

  private copy(entry: Entry, leg: Leg): Promise<types.Producer<ProducerData> | null> {
    const known = entry.copies.get(leg);
    if (known) return known;
    // After a failed pipe pair, mediasoup keeps the failure cached on one router of the pair: a pipe
    // the other way would then fail unhandled. Nothing more is piped until the room is rebuilt.
    if (this.broken) return Promise.resolve(null);
    const copying = entry.leg.router
      .pipeToRouter({ producerId: entry.producer.id, router: leg.router, listenInfo: LOOPBACK })
      .then(({ pipeProducer }) => (pipeProducer as types.Producer<ProducerData> | undefined) ?? null)
      .catch((error: unknown) => {
        // A producer that closed, or a router that closed, while the pipe was being made: no loss.
        if (!entry.producer.closed && !leg.router.closed && !this.closed && !this.broken) {
          this.logger.error({ err: error, producerId: entry.producer.id }, 'could not pipe a producer to a router');
          this.broken = true;
          this.onBroken(this);
        }
        return null;
      });
    entry.copies.set(leg, copying);
    if (leg === this.home) void copying.then((copy) => copy && this.listenTo(copy));
    return copying;
  }

  /** Every audio producer of the room reaches the home router, whose observer hears them all. */
  private async listenTo(producer: types.Producer): Promise<void> {
    try {
      await this.speaker.add(producer);
    } catch (error) {
      if (!this.closed)
        this.logger.warn({ err: error, producerId: producer.id }, 'active speaker cannot hear a producer');
    }
  }

  /** Tells the pool what this room will put on each of its workers once everyone receives everyone. */
  private updateExpectations(): void {
    if (this.closed) return;
    const streams = streamsPerPerson(this.entries.size, this.placed.size);
    for (const leg of this.legs) this.pool.expect(leg.worker, leg, leg.people.size * streams);
  }

  /** A worker that dies takes the room's router there with it: the room moves to new routers. */
  private watch(leg: Leg): void {
    leg.router.once('workerclose', () => {
      if (!this.closed) this.onBroken(this);
    });
  }
}
