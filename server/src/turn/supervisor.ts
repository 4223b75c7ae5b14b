import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import type { Logger } from '../logger.ts';
import { findOnPath } from './turnConfig.ts';

export type SupervisedState = 'starting' | 'up' | 'down' | 'stopped';

export interface SupervisedHealth {
  state: SupervisedState;
  /** times the process was started again after it died */
  restarts: number;
  pid: number | null;
}

export interface SupervisorOptions {
  name: string;
  command: string;
  args: string[];
  /** up once this TCP port accepts a connection */
  probe: { host: string; port: number };
  logger: Logger;
  /** the wait before the first restart; it doubles for each quick death, up to `maxBackoffMs` */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** a process that stayed up this long starts the backoff over */
  stableAfterMs?: number;
}

const KEPT_OUTPUT_LINES = 20;
const PROBE_INTERVAL_MS = 50;

// With `setpriv --pdeathsig`, the kernel stops the child if Plenary dies without stopping it
// (SIGKILL, a crash), so no orphan keeps the TURN port for the next start.
const setpriv = findOnPath('setpriv');

/**
 * Runs one program for as long as Plenary runs: started now, started again with backoff whenever
 * it dies, stopped with `stop()`. `health()` says whether it is up (its port answers) right now.
 */
export class ProcessSupervisor {
  readonly #options: Required<SupervisorOptions>;
  #child: ChildProcess | null = null;
  #state: SupervisedState = 'starting';
  #restarts = 0;
  #backoffMs: number;
  #restartTimer: NodeJS.Timeout | null = null;
  #output: string[] = [];
  #upWaiters: Array<() => void> = [];

  constructor(options: SupervisorOptions) {
    this.#options = { backoffMs: 500, maxBackoffMs: 30_000, stableAfterMs: 60_000, ...options };
    this.#backoffMs = this.#options.backoffMs;
  }

  health(): SupervisedHealth {
    return { state: this.#state, restarts: this.#restarts, pid: this.#child?.pid ?? null };
  }

  /** Starts the program; resolves once it is up, or after `timeoutMs` (it keeps trying after that). */
  start(timeoutMs = 5_000): Promise<boolean> {
    this.#spawn();
    return this.whenUp(timeoutMs);
  }

  /** Resolves true when the program is up, false if it is not within `timeoutMs`. */
  whenUp(timeoutMs: number): Promise<boolean> {
    if (this.#state === 'up') return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#upWaiters = this.#upWaiters.filter((other) => other !== waiter);
        resolve(false);
      }, timeoutMs);
      this.#upWaiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    this.#state = 'stopped';
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(forced);
  }

  #spawn(): void {
    const { command, args, name, logger } = this.#options;
    const [program, programArgs] = setpriv ? [setpriv, ['--pdeathsig=TERM', '--', command, ...args]] : [command, args];
    this.#state = 'starting';
    this.#output = [];
    const child = spawn(program, programArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    const startedAt = Date.now();
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        this.#output.push(line);
        logger.debug({ [name]: line }, `${name} says`);
      }
      this.#output = this.#output.slice(-KEPT_OUTPUT_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (error) => logger.error({ err: error, command }, `${name} could not be started`));
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      if (this.#state === 'stopped') return;
      this.#state = 'down';
      if (Date.now() - startedAt >= this.#options.stableAfterMs) this.#backoffMs = this.#options.backoffMs;
      logger.error(
        { code, signal, restartInMs: this.#backoffMs, output: this.#output.slice(-5) },
        `${name} stopped; starting it again`,
      );
      this.#restartTimer = setTimeout(() => {
        this.#restartTimer = null;
        if (this.#state === 'stopped') return;
        this.#restarts += 1;
        this.#spawn();
      }, this.#backoffMs);
      this.#backoffMs = Math.min(this.#backoffMs * 2, this.#options.maxBackoffMs);
    });
    void this.#probeUntilUp(child);
  }

  async #probeUntilUp(child: ChildProcess): Promise<void> {
    const { host, port } = this.#options.probe;
    while (this.#child === child && this.#state === 'starting') {
      if (await accepts(host, port)) {
        if (this.#child !== child || this.#state !== 'starting') return;
        this.#state = 'up';
        this.#options.logger.info({ pid: child.pid, port }, `${this.#options.name} is up`);
        for (const waiter of this.#upWaiters.splice(0)) waiter();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
  }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
