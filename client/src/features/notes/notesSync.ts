import { Command, Fact, MAX_NOTES_UPDATE_BYTES, type RoomId } from '@plenary/shared';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RequestError } from '../../net/request.ts';
import { CursorRelay } from './cursorRelay.ts';
import type { NotesChannel } from './notesChannel.ts';
import { type NotesProblem, type NotesStatus, notesStatus } from './notesStatus.ts';
import { SendTimer } from './sendTimer.ts';
import { bytes, takeBatch, toSendAfterOpening } from './updates.ts';

/** Origin of what the server sent: applied to the document, never sent back. */
const REMOTE = Symbol('notes from the server');

export interface NotesUser {
  name: string;
  color: string;
}

export interface NotesSyncOptions {
  /** Updates typed on an earlier visit and never acknowledged: applied, then sent like new ones. */
  restore?: Uint8Array | null;
  /** Told every time the unacknowledged updates change, to keep them beyond this page. */
  onUnsaved?: (updates: readonly Uint8Array[]) => void;
  /** Local updates are gathered this long before one is sent (keystrokes travel together). */
  flushDelayMs?: number;
  /** First wait before sending again after a refusal that may pass (timeout, rate limit). */
  retryDelayMs?: number;
  /** Cursor moves are sent at most this often. */
  awarenessThrottleMs?: number;
}

type Channel = Pick<NotesChannel, 'request' | 'listen' | 'onUsable' | 'usable'>;

/**
 * One room's notes document kept in step with the server over the session's socket (no
 * y-websocket). Every local update is queued until the server acknowledges that it stored it; the
 * queue survives reconnects and is sent again after each (re)open, where Yjs makes repeats harmless.
 * Lives as long as the page; editors acquire and release it.
 */
export class NotesSync {
  readonly roomId: RoomId;
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly #channel: Channel;
  readonly #options: Required<Omit<NotesSyncOptions, 'restore' | 'onUnsaved'>> & Pick<NotesSyncOptions, 'onUnsaved'>;
  /** Local updates the server has not acknowledged yet, oldest first. */
  #queue: Uint8Array[] = [];
  #inFlight: Uint8Array[] | null = null;
  /** Open on the server over the current connection. */
  #opened = false;
  /** Bumped by every (re)open and drop: answers to older requests no longer steer anything. */
  #epoch = 0;
  #opening = false;
  #users = 0;
  #user: NotesUser | null = null;
  #readOnly: boolean | null = null;
  #loaded = false;
  #problem: NotesProblem | null = null;
  #batchLimit = Number.POSITIVE_INFINITY;
  readonly #timer: SendTimer;
  readonly #cursors: CursorRelay;
  #status: NotesStatus;
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: Array<() => void> = [];

  constructor(roomId: RoomId, channel: Channel, options: NotesSyncOptions = {}) {
    this.roomId = roomId;
    this.#channel = channel;
    this.#options = { flushDelayMs: 100, retryDelayMs: 1_000, awarenessThrottleMs: 250, ...options };
    this.#timer = new SendTimer(this.#options.retryDelayMs);
    this.#status = this.#computeStatus();
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onLocalUpdate(update, origin));
    this.#cursors = new CursorRelay(
      this.awareness,
      (update) => void channel.request(Command.notesAwareness, { roomId, update }),
      () => this.#opened,
      this.#options.awarenessThrottleMs,
    );
    this.#unsubscribe.push(
      channel.listen(roomId, (fact) => {
        const update = bytes(fact.payload.update);
        if (fact.name === Fact.notesUpdated) Y.applyUpdate(this.doc, update, REMOTE);
        else this.#cursors.applyRemote(update);
      }),
      channel.onUsable((usable) => (usable ? this.#connected() : this.#dropped())),
    );
    if (options.restore) Y.applyUpdate(this.doc, options.restore, 'restored');
  }

  // ---- for the editor ------------------------------------------------------------------------

  /** Starts following the room's notes (opening them on the server); call the result to stop. */
  acquire(user: NotesUser | null = null): () => void {
    this.#users += 1;
    this.#user = user ?? this.#user;
    // Opening the notes again is a fresh attempt, whatever went wrong before.
    this.#problem = null;
    if (this.#user) this.awareness.setLocalState({ ...this.awareness.getLocalState(), user: this.#user });
    this.#ensureOpen();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#users -= 1;
      if (this.#users === 0) this.#lastUserLeft();
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getStatus = (): NotesStatus => this.#status;

  /** The updates not yet acknowledged, oldest first. */
  get unsaved(): readonly Uint8Array[] {
    return this.#queue;
  }

  /** For tests: stops timers and listeners (a page never needs to). */
  destroy(): void {
    this.#timer.clear();
    this.#cursors.destroy();
    for (const stop of this.#unsubscribe) stop();
    this.awareness.destroy();
    this.doc.destroy();
  }

  // ---- opening ---------------------------------------------------------------------------------

  #wanted(): boolean {
    return this.#users > 0 || this.#queue.length > 0;
  }

  #ensureOpen(): void {
    if (this.#opened || this.#opening || !this.#channel.usable || !this.#wanted() || this.#problem) return;
    void this.#open();
  }

  /** A fresh connection: nothing is open on the server any more; open again what is wanted. */
  #connected(): void {
    this.#dropped();
    this.#problem = null;
    this.#ensureOpen();
  }

  #dropped(): void {
    this.#epoch += 1;
    this.#opened = false;
    this.#opening = false;
    // An answer to a request of the old connection may still come; it no longer blocks sending.
    this.#inFlight = null;
    this.#timer.clear();
    this.#changed();
  }

  async #open(): Promise<void> {
    const epoch = ++this.#epoch;
    this.#opening = true;
    this.#changed();
    const reply = await this.#channel.request(Command.notesOpen, {
      roomId: this.roomId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    if (epoch !== this.#epoch) return;
    this.#opening = false;
    if (!reply.ok) {
      this.#refused(reply.error, () => this.#ensureOpen());
      this.#changed();
      return;
    }
    Y.applyUpdate(this.doc, bytes(reply.data.update), REMOTE);
    this.#opened = true;
    this.#loaded = true;
    this.#readOnly = reply.data.readOnly;
    this.#timer.succeeded();
    this.#queue = this.#readOnly ? [] : toSendAfterOpening(this.doc, this.#queue, bytes(reply.data.stateVector));
    this.#unsavedChanged();
    this.#cursors.announce();
    if (this.#users === 0) this.#closeWhenSaved();
    void this.#flush();
    this.#changed();
  }

  #lastUserLeft(): void {
    // Others see this cursor go at once rather than after the awareness timeout.
    this.awareness.setLocalState(null);
    this.#closeWhenSaved();
  }

  /** Stops following the notes once everything typed is stored; until then it keeps sending. */
  #closeWhenSaved(): void {
    if (this.#users > 0 || !this.#opened || this.#queue.length > 0) return;
    this.#cursors.flush();
    this.#opened = false;
    this.#epoch += 1;
    void this.#channel.request(Command.notesClose, { roomId: this.roomId });
    this.#changed();
  }

  // ---- sending ---------------------------------------------------------------------------------

  #onLocalUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === REMOTE || this.#readOnly === true) return;
    this.#queue.push(update);
    this.#unsavedChanged();
    this.#scheduleFlush(this.#options.flushDelayMs);
    if (this.#queue.length === 1) this.#changed();
    this.#ensureOpen();
  }

  #scheduleFlush(delayMs: number): void {
    this.#timer.soon(delayMs, () => void this.#flush());
  }

  async #flush(): Promise<void> {
    if (!this.#opened || this.#inFlight || this.#readOnly || this.#queue.length === 0) return;
    const batch = takeBatch(this.#queue, MAX_NOTES_UPDATE_BYTES, this.#batchLimit);
    const update = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch);
    this.#inFlight = batch;
    const epoch = this.#epoch;
    const reply = await this.#channel.request(Command.notesUpdate, { roomId: this.roomId, update });
    if (this.#inFlight === batch) this.#inFlight = null;
    if (reply.ok) {
      // Stored on the server: whatever happens next, these words are safe.
      const sent = new Set(batch);
      this.#queue = this.#queue.filter((queued) => !sent.has(queued));
      this.#unsavedChanged();
    }
    if (epoch === this.#epoch) {
      if (!reply.ok) this.#updateRefused(reply.error, batch);
      else {
        this.#batchLimit = Number.POSITIVE_INFINITY;
        this.#timer.succeeded();
        if (this.#queue.length > 0) this.#scheduleFlush(0);
        else this.#closeWhenSaved();
      }
    }
    this.#changed();
  }

  #updateRefused(error: RequestError, batch: Uint8Array[]): void {
    if (error.code === 'invalid_payload') {
      if (batch.length > 1) {
        this.#batchLimit = 1;
        this.#scheduleFlush(0);
        return;
      }
      // One change too big for a frame (a huge paste): it stays on this page but can't be stored.
      this.#queue = this.#queue.filter((queued) => queued !== batch[0]);
      this.#problem = { kind: 'tooLarge' };
      this.#unsavedChanged();
      return;
    }
    // Not open on the server (any more): open again, which also sends the queue.
    if (error.code === 'conflict') {
      this.#opened = false;
      this.#ensureOpen();
    } else this.#refused(error, () => this.#scheduleFlush(0));
  }

  /** What to do when the server or the connection says no: wait, retry, or give up with a reason. */
  #refused(error: RequestError, retry: () => void): void {
    if (error.code === 'disconnected') return; // the next `use()` reopens
    if (error.code === 'forbidden' || error.code === 'not_found') {
      this.#problem = { kind: 'refused', error };
      return;
    }
    this.#timer.retryLater(retry);
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  #unsavedChanged(): void {
    this.#options.onUnsaved?.(this.#queue);
  }

  #computeStatus(): NotesStatus {
    return notesStatus({
      connected: this.#channel.usable,
      // A closed document whose words are all stored is as good as open and saved.
      opened: this.#opened || (this.#users === 0 && this.#queue.length === 0 && this.#loaded),
      loaded: this.#loaded,
      unsaved: this.#queue.length,
      readOnly: this.#readOnly === true,
      problem: this.#problem,
    });
  }

  #changed(): void {
    const next = this.#computeStatus();
    const current = this.#status;
    const same = (Object.keys(next) as (keyof NotesStatus)[]).every((key) => next[key] === current[key]);
    if (same) return;
    this.#status = next;
    for (const listener of [...this.#listeners]) listener();
  }
}
