import type { ParticipantId } from '@plenary/shared';
import { CommandError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type Leg, RoomRouters } from './roomRouters.ts';
import type { WorkerPool } from './workerPool.ts';

/** What the room does when its routers speak up or change under it. */
export interface RoutingEvents {
  speakerChanged(participantId: ParticipantId): void;
  /** the routers are about to be closed for new ones: what runs on them goes with them */
  leaving(): void;
  /** the room is on new routers now: its clients rebuild their media there */
  moved(): void;
}

/**
 * Which routers a media room is on right now. When one of its workers dies, or its routers cannot
 * be piped together, the room moves to new routers, one move at a time; anyone being placed
 * meanwhile waits and lands on the new ones.
 */
export class RoomRouting {
  #routers: RoomRouters;
  #dominant: ParticipantId | null = null;
  #closed = false;
  /** router replacements after worker deaths, one at a time */
  #rebuilt = Promise.resolve();

  private constructor(
    routers: RoomRouters,
    private readonly pool: WorkerPool,
    private readonly logger: Logger,
    private readonly events: RoutingEvents,
  ) {
    this.#routers = routers;
  }

  static async create(pool: WorkerPool, logger: Logger, events: RoutingEvents): Promise<RoomRouting> {
    // The observer starts before the routing exists; it reports through `routing` once there is one.
    let routing: RoomRouting | undefined;
    const routers = await RoomRouters.create(
      pool,
      (participantId) => routing?.speakerChanged(participantId),
      (failed) => routing?.rebuild(failed),
      logger,
    );
    routing = new RoomRouting(routers, pool, logger, events);
    return routing;
  }

  /** The routers in use now (read it again after an await: the room may have moved meanwhile). */
  get current(): RoomRouters {
    return this.#routers;
  }

  /** Who is speaking now (the last dominant speaker on these routers), or null. */
  get activeSpeakerId(): ParticipantId | null {
    return this.#dominant;
  }

  /**
   * The participant's router, placing them on first use. While the room is moving to new routers (a
   * worker died), this waits for them: the old ones are closed, or about to be, and a router there
   * would fail the request (or be closed under it) instead of landing it on the routers that stay.
   * `present` says whether they are still in the room once a router is theirs.
   */
  async placed(participantId: ParticipantId, present: () => boolean): Promise<Leg> {
    for (;;) {
      const settled = this.#rebuilt;
      await settled;
      if (this.#closed) throw new CommandError('not_joined', 'the room closed');
      const routers = this.#routers;
      if (routers.isClosed) throw new CommandError('media_unavailable', 'the media server could not restart');
      let leg: Leg;
      try {
        leg = await routers.place(participantId);
      } catch (error) {
        if (this.#rebuilt === settled) throw error;
        continue; // the routers closed under it as the room moved: place again on the new ones
      }
      // A worker died meanwhile: the room is moving (or moved) to new routers, place again there.
      if (this.#rebuilt !== settled) continue;
      // Left while a router was being opened for them: they must not hold it open.
      if (!present()) {
        routers.unplace(participantId);
        throw new CommandError('not_joined', 'you left the room');
      }
      return leg;
    }
  }

  close(): void {
    this.#closed = true;
    this.#routers.close();
  }

  private speakerChanged(participantId: ParticipantId): void {
    this.#dominant = participantId;
    this.events.speakerChanged(participantId);
  }

  private rebuild(failed: RoomRouters): void {
    this.#rebuilt = this.#rebuilt
      .then(() => this.#replace(failed))
      .catch((error: unknown) => {
        if (!this.#closed && !this.pool.isClosed) this.logger.error({ err: error }, 'could not re-create a media room');
      });
  }

  async #replace(failed: RoomRouters): Promise<void> {
    // Already replaced (two of its workers died), or nothing left to replace.
    if (this.#routers !== failed || this.#closed || this.pool.isClosed) return;
    this.events.leaving();
    this.#routers.close();
    this.#dominant = null;
    const routers = await RoomRouters.create(
      this.pool,
      (participantId) => this.speakerChanged(participantId),
      (broken) => this.rebuild(broken),
      this.logger,
    );
    if (this.#closed) return routers.close();
    this.#routers = routers;
    this.logger.warn({ routerId: routers.home.router.id }, 'media room moved to new routers after a worker died');
    this.events.moved();
  }
}
