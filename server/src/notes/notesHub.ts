import * as Y from 'yjs';
import { CommandError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { KeyedSerialQueue } from '../sessions/serialQueue.ts';
import type { NotesStore } from '../store/store.ts';

export interface NotesHubOptions {
  /** merge a document's stored updates into one after this many */
  compactEvery?: number;
  /** unload a document nobody has open after this long */
  idleMs?: number;
  /**
   * Other server nodes store updates to the same documents: before a document is described to a
   * client, what they stored is read from the store.
   */
  shared?: boolean;
  /** an update was stored (and applied) here, with its sequence number: for the other nodes */
  onStored?: (docKey: string, seq: number, update: Uint8Array) => void;
}

interface LoadedDoc {
  doc: Y.Doc;
  readers: number;
  /** updates stored since the last compaction */
  sinceCompaction: number;
  /** every stored update up to this sequence number is in `doc` */
  seq: number;
  /** updates above `seq` already in `doc` (another node's may still be missing below them) */
  ahead: Set<number>;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * The collaborative notes documents in memory: one Yjs document per room, loaded on demand from
 * its stored updates and unloaded when nobody has had it open for a while. Each update is checked,
 * stored, and only then applied, so an acknowledged keystroke survives a crash.
 *
 * With several server nodes, each holds its own copy of a document: updates stored elsewhere
 * arrive through `received`, and before a client is answered (`diff`) the copy reads anything it
 * still lacks from the store, so nobody is ever given less than what was acknowledged anywhere.
 */
export class NotesHub {
  private readonly docs = new Map<string, Promise<LoadedDoc>>();
  private readonly queue = new KeyedSerialQueue<string>();

  constructor(
    private readonly store: NotesStore,
    private readonly logger: Logger,
    private readonly options: NotesHubOptions = {},
  ) {}

  /** Opens a document for one reader; pair with `release`. */
  async open(docKey: string): Promise<Y.Doc> {
    const loaded = await this.load(docKey);
    loaded.readers += 1;
    if (loaded.idleTimer) clearTimeout(loaded.idleTimer);
    loaded.idleTimer = null;
    return loaded.doc;
  }

  release(docKey: string): void {
    void this.docs.get(docKey)?.then((loaded) => {
      loaded.readers = Math.max(0, loaded.readers - 1);
      if (loaded.readers > 0 || loaded.idleTimer) return;
      loaded.idleTimer = setTimeout(() => void this.unload(docKey), this.options.idleMs ?? 30_000);
      loaded.idleTimer.unref();
    });
  }

  /** What a client with `stateVector` is missing, and the server's own state vector. */
  async diff(docKey: string, stateVector: Uint8Array): Promise<{ update: Uint8Array; stateVector: Uint8Array }> {
    const loaded = await this.load(docKey);
    if (this.options.shared) await this.queue.run(docKey, () => this.pull(docKey, loaded));
    const { doc } = loaded;
    let missing: Uint8Array;
    try {
      missing = Y.encodeStateAsUpdate(doc, stateVector);
    } catch {
      throw new CommandError('invalid_payload', 'that is not a Yjs state vector');
    }
    return { update: missing, stateVector: Y.encodeStateVector(doc) };
  }

  /** Checks, stores, then applies an update; refuses one that isn't a Yjs update. */
  apply(docKey: string, update: Uint8Array): Promise<void> {
    try {
      Y.decodeUpdate(update);
    } catch {
      return Promise.reject(new CommandError('invalid_payload', 'that is not a Yjs update'));
    }
    return this.queue.run(docKey, async () => {
      const loaded = await this.load(docKey);
      const seq = await this.store.appendNoteUpdate(docKey, update);
      loaded.sinceCompaction += 1;
      Y.applyUpdate(loaded.doc, update);
      advance(loaded, seq);
      this.options.onStored?.(docKey, seq, update);
      if (loaded.sinceCompaction >= (this.options.compactEvery ?? 500)) await this.compact(docKey, loaded);
    });
  }

  /** Another node stored an update: a copy loaded here applies it (Yjs merges in any order). */
  async received(docKey: string, seq: number, update: Uint8Array): Promise<void> {
    const pending = this.docs.get(docKey);
    if (!pending) return;
    await this.queue.run(docKey, async () => {
      const loaded = await pending;
      if (this.docs.get(docKey) !== pending || seq <= loaded.seq || loaded.ahead.has(seq)) return;
      Y.applyUpdate(loaded.doc, update);
      advance(loaded, seq);
    });
  }

  /** The document as it is now (loading it if needed), for reading: exports, tests. */
  async snapshot(docKey: string): Promise<Y.Doc> {
    return (await this.load(docKey)).doc;
  }

  async closeAll(): Promise<void> {
    for (const key of [...this.docs.keys()]) await this.unload(key);
  }

  private load(docKey: string): Promise<LoadedDoc> {
    let pending = this.docs.get(docKey);
    if (!pending) {
      pending = this.store.loadNoteUpdates(docKey).then(({ updates, lastSeq }) => {
        const doc = new Y.Doc({ gc: true });
        if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
        return { doc, readers: 0, sinceCompaction: updates.length, seq: lastSeq, ahead: new Set(), idleTimer: null };
      });
      this.docs.set(docKey, pending);
      pending.catch(() => this.docs.delete(docKey));
    }
    return pending;
  }

  /** Reads and applies the updates stored after the copy's `seq` (by other nodes). Run in the queue. */
  private async pull(docKey: string, loaded: LoadedDoc): Promise<void> {
    const { updates, lastSeq } = await this.store.loadNoteUpdates(docKey, loaded.seq);
    if (updates.length > 0) Y.applyUpdate(loaded.doc, Y.mergeUpdates(updates));
    loaded.seq = lastSeq;
    for (const seq of loaded.ahead) if (seq <= lastSeq) loaded.ahead.delete(seq);
  }

  private async compact(docKey: string, loaded: LoadedDoc): Promise<void> {
    if (loaded.sinceCompaction <= 1 || loaded.seq === 0) return;
    // Only up to `seq`: the copy holds every update up to there, whoever stored it.
    await this.store.compactNotes(docKey, Y.encodeStateAsUpdate(loaded.doc), loaded.seq);
    loaded.sinceCompaction = 1;
  }

  private unload(docKey: string): Promise<void> {
    return this.queue.run(docKey, async () => {
      const pending = this.docs.get(docKey);
      if (!pending) return;
      const loaded = await pending;
      if (loaded.readers > 0) return;
      if (loaded.idleTimer) clearTimeout(loaded.idleTimer);
      try {
        await this.compact(docKey, loaded);
      } catch (error) {
        this.logger.warn({ err: error, docKey }, 'could not compact notes; the updates stay as they are');
      }
      loaded.doc.destroy();
      this.docs.delete(docKey);
    });
  }
}

/** Records that update `seq` is in the copy, moving `seq` on over every contiguous one. */
function advance(loaded: LoadedDoc, seq: number): void {
  if (seq <= loaded.seq) return;
  loaded.ahead.add(seq);
  while (loaded.ahead.delete(loaded.seq + 1)) loaded.seq += 1;
}
