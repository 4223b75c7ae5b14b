import { Worker } from 'node:worker_threads';
import type { FromWriter, ToWriter } from './writerThread.ts';
import { errorOf, type Write } from './writes.ts';

interface Waiting {
  resolve(value: number | null): void;
  reject(error: Error): void;
}

/**
 * The main thread's end of the store's writer thread (see writerThread.ts): `write` resolves once
 * the write is committed to disk, or rejects with why it was not stored.
 */
export class SqliteWriter {
  private readonly waiting = new Map<number, Waiting>();
  private nextSeq = 1;
  private stopped: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWriter) => {
      if (message.type !== 'replies') return;
      for (const reply of message.replies) {
        const waiting = this.waiting.get(reply.seq);
        this.waiting.delete(reply.seq);
        if (reply.ok) waiting?.resolve(reply.value);
        else waiting?.reject(errorOf(reply.failure));
      }
      // An idle writer does not keep the process alive; one with writes in flight does.
      if (this.waiting.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.stop(new Error(`the SQLite writer failed: ${error.message}`)));
    worker.on('exit', (code) => this.stop(new Error(`the SQLite writer stopped (exit code ${code})`)));
  }

  /** Starts the writer thread on `file`, which creates or migrates the database before resolving. */
  static async start(file: string): Promise<SqliteWriter> {
    const worker = spawnTypeScriptWorker(new URL('./writerThread.ts', import.meta.url), { file });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWriter) => {
        if (message.type !== 'ready') return;
        worker.off('error', reject);
        resolve();
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the SQLite writer exited (code ${code}) while starting`)));
    });
    worker.unref();
    return new SqliteWriter(worker);
  }

  write(write: Write): Promise<number | null> {
    if (this.closing) return Promise.reject(new Error('the store is closed'));
    if (this.stopped) return Promise.reject(this.stopped);
    const seq = this.nextSeq++;
    const done = new Promise<number | null>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.send({ type: 'write', request: { seq, write } });
    return done;
  }

  /** Commits what was sent before, then closes the database and ends the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped) return resolve();
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.send({ type: 'close' });
    });
    return this.closing;
  }

  private send(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const waiting of this.waiting.values()) waiting.reject(this.stopped);
    this.waiting.clear();
  }
}

/**
 * A worker thread running a TypeScript module. Node 20 does not give a worker's entry module the
 * parent's loader (tsx), so a two-line bootstrap registers tsx in the worker before importing it.
 */
function spawnTypeScriptWorker(entry: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
