import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import type { Logger } from '../logger.ts';
import { MediaObjectCounter } from './mediaCounts.ts';

export interface WorkerPoolOptions {
  size: number;
  logger: Logger;
  /** how long to wait before replacing a dead worker (avoids a hot crash loop) */
  restartDelayMs?: number;
}

/**
 * One mediasoup worker per core. Routers go to the worker holding the fewest; a worker that dies is
 * logged and replaced. Its routers close with it ('workerclose'), and their rooms ask for new ones.
 */
export class WorkerPool {
  readonly counter = new MediaObjectCounter();
  private readonly workers: types.Worker[] = [];
  private readonly routerLoad = new Map<types.Worker, number>();
  private waitingForWorker: Array<() => void> = [];
  private closed = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    for (let slot = 0; slot < options.size; slot++) pool.workers.push(await pool.spawn(slot));
    options.logger.info({ workers: options.size }, 'mediasoup workers started');
    return pool;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The live worker carrying the fewest routers, once there is one (after a crash, its replacement). */
  async leastLoaded(): Promise<types.Worker> {
    for (;;) {
      if (this.closed) throw new Error('the worker pool is closed');
      const alive = this.workers.filter((worker) => !worker.died && !worker.closed);
      const best = alive.sort((a, b) => (this.routerLoad.get(a) ?? 0) - (this.routerLoad.get(b) ?? 0))[0];
      if (best) return best;
      await new Promise<void>((resolve) => this.waitingForWorker.push(resolve));
    }
  }

  async createRouter(mediaCodecs: types.RtpCodecCapability[]): Promise<types.Router> {
    const worker = await this.leastLoaded();
    const router = await worker.createRouter({ mediaCodecs });
    this.routerLoad.set(worker, (this.routerLoad.get(worker) ?? 0) + 1);
    router.observer.once('close', () => this.routerLoad.set(worker, (this.routerLoad.get(worker) ?? 1) - 1));
    return router;
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
    this.counter.track(worker);
    this.routerLoad.set(worker, 0);
    worker.on('died', (error) => this.replace(slot, worker, error));
    return worker;
  }

  private replace(slot: number, dead: types.Worker, error: Error): void {
    const { logger, restartDelayMs = 500 } = this.options;
    logger.error({ pid: dead.pid, err: error }, 'mediasoup worker died; replacing it');
    this.routerLoad.delete(dead);
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
