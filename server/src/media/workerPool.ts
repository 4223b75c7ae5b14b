import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import type { Logger } from '../logger.ts';
import { MediaObjectCounter } from './mediaCounts.ts';
import { DEFAULT_CONSUMERS_PER_WORKER } from './placement.ts';
import { LOOPBACK_RTC, openRtcServer, portsForSlot, type RtcPortSettings, type RtcPorts } from './rtcServer.ts';

export interface WorkerPoolOptions {
  size: number;
  logger: Logger;
  /** how long to wait before replacing a dead worker (avoids a hot crash loop) */
  restartDelayMs?: number;
  /** the load (consumers) a worker is planned for; see DEFAULT_CONSUMERS_PER_WORKER */
  consumersPerWorker?: number;
  /** each worker's media port (its WebRtcServer); loopback on any free ports when left out */
  rtc?: RtcPortSettings;
}

/**
 * One mediasoup worker per core. A worker's load is the consumers it carries, or the consumers its
 * rooms expect to carry once everyone receives everyone (whichever is more): new routers go to the
 * least loaded worker. A worker that dies is logged and replaced. Its routers close with it
 * ('workerclose'), and their rooms ask for new ones.
 *
 * Each worker has one WebRtcServer: every browser transport on it shares one UDP and one TCP port
 * (worker i: PLENARY_RTC_PORT + i). A replacement worker opens its server on the dead one's ports.
 */
export class WorkerPool {
  readonly counter = new MediaObjectCounter();
  private readonly workers: types.Worker[] = [];
  private readonly routerLoad = new Map<types.Worker, number>();
  private readonly counters = new Map<types.Worker, MediaObjectCounter>();
  private readonly rtcServers = new Map<types.Worker, types.WebRtcServer>();
  /** the ports each slot's server bound first, kept for the workers that replace it */
  private readonly slotPorts: RtcPorts[] = [];
  /** what each holder (a room's router on that worker) expects to put on a worker */
  private readonly expected = new Map<types.Worker, Map<object, number>>();
  private waitingForWorker: Array<() => void> = [];
  private closed = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      for (let slot = 0; slot < options.size; slot++) pool.workers.push(await pool.spawn(slot));
    } catch (error) {
      pool.close();
      throw error;
    }
    options.logger.info({ workers: options.size }, 'mediasoup workers started');
    return pool;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get consumersPerWorker(): number {
    return this.options.consumersPerWorker ?? DEFAULT_CONSUMERS_PER_WORKER;
  }

  /** The workers alive now. */
  liveWorkers(): types.Worker[] {
    return this.workers.filter((worker) => !worker.died && !worker.closed);
  }

  /** Consumers the worker carries, or expects to carry, whichever is more. */
  load(worker: types.Worker): number {
    const carried = this.counters.get(worker)?.snapshot().consumers ?? 0;
    let planned = 0;
    for (const consumers of this.expected.get(worker)?.values() ?? []) planned += consumers;
    return Math.max(carried, planned);
  }

  /** Records what `holder` expects to put on the worker (replacing what it said before). */
  expect(worker: types.Worker, holder: object, consumers: number): void {
    let holders = this.expected.get(worker);
    if (!holders) {
      holders = new Map();
      this.expected.set(worker, holders);
    }
    holders.set(holder, consumers);
  }

  release(worker: types.Worker, holder: object): void {
    this.expected.get(worker)?.delete(holder);
  }

  /** The least loaded live worker (then the one with the fewest routers), once there is one. */
  async leastLoaded(): Promise<types.Worker> {
    for (;;) {
      if (this.closed) throw new Error('the worker pool is closed');
      const byLoad = (a: types.Worker, b: types.Worker) =>
        this.load(a) - this.load(b) || (this.routerLoad.get(a) ?? 0) - (this.routerLoad.get(b) ?? 0);
      const best = this.liveWorkers().sort(byLoad)[0];
      if (best) return best;
      await new Promise<void>((resolve) => this.waitingForWorker.push(resolve));
    }
  }

  /** A router on the given worker, or on the least loaded one. */
  async createRouter(
    mediaCodecs: types.RtpCodecCapability[],
    on?: types.Worker,
  ): Promise<{ router: types.Router; worker: types.Worker }> {
    const worker = on ?? (await this.leastLoaded());
    const router = await worker.createRouter({ mediaCodecs });
    this.routerLoad.set(worker, (this.routerLoad.get(worker) ?? 0) + 1);
    router.observer.once('close', () => this.routerLoad.set(worker, (this.routerLoad.get(worker) ?? 1) - 1));
    return { router, worker };
  }

  /** The worker's WebRtcServer: a router's transports must use its own worker's (mediasoup's rule). */
  rtcServerOf(worker: types.Worker): types.WebRtcServer {
    const server = this.rtcServers.get(worker);
    if (!server || server.closed) throw new Error(`no media port on worker ${worker.pid}: it has closed`);
    return server;
  }

  health(): { size: number; alive: number; pids: number[] } {
    const alive = this.workers.filter((worker) => !worker.died && !worker.closed);
    return { size: this.options.size, alive: alive.length, pids: alive.map((worker) => worker.pid) };
  }

  /** Test and fault-injection hook: the worker processes, so a test can kill one. */
  pids(): number[] {
    return this.workers.map((worker) => worker.pid);
  }

  close(): void {
    this.closed = true;
    for (const worker of this.workers) worker.close();
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiting = this.waitingForWorker;
    this.waitingForWorker = [];
    for (const wake of waiting) wake();
  }

  private async spawn(slot: number): Promise<types.Worker> {
    const worker = await mediasoup.createWorker({ logLevel: 'warn' });
    const rtc = this.options.rtc ?? LOOPBACK_RTC;
    try {
      const opened = await openRtcServer(worker, rtc, this.slotPorts[slot] ?? portsForSlot(rtc, slot));
      this.rtcServers.set(worker, opened.server);
      this.slotPorts[slot] = opened.ports;
    } catch (error) {
      worker.close();
      throw error;
    }
    this.counter.track(worker);
    const own = new MediaObjectCounter();
    own.track(worker);
    this.counters.set(worker, own);
    this.routerLoad.set(worker, 0);
    worker.on('died', (error) => this.replace(slot, worker, error));
    return worker;
  }

  private replace(slot: number, dead: types.Worker, error: Error): void {
    const { logger, restartDelayMs = 500 } = this.options;
    logger.error({ pid: dead.pid, err: error }, 'mediasoup worker died; replacing it');
    this.routerLoad.delete(dead);
    this.counters.delete(dead);
    this.expected.delete(dead);
    this.rtcServers.delete(dead);
    setTimeout(async () => {
      if (this.closed) return;
      try {
        const replacement = await this.spawn(slot);
        this.workers[slot] = replacement;
        logger.warn({ deadPid: dead.pid, pid: replacement.pid }, 'mediasoup worker replaced');
        this.wakeWaiters();
      } catch (spawnError) {
        logger.fatal({ err: spawnError }, 'could not replace a dead mediasoup worker');
      }
    }, restartDelayMs);
  }
}
