import { type Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';

/** Origin of cursors that came from the others: applied here, never sent back. */
const REMOTE = Symbol('cursors from the server');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Cursors and presence (y-protocols awareness) between this page and the others in the room: our
 * own state goes out at most every `throttleMs` while the notes are open; a newcomer hears from us
 * at once instead of at our next 15-second renewal. Nothing here is stored.
 */
export class CursorRelay {
  readonly #awareness: Awareness;
  readonly #send: (update: Uint8Array) => void;
  readonly #canSend: () => boolean;
  readonly #throttleMs: number;
  #pending = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(awareness: Awareness, send: (update: Uint8Array) => void, canSend: () => boolean, throttleMs: number) {
    this.#awareness = awareness;
    this.#send = send;
    this.#canSend = canSend;
    this.#throttleMs = throttleMs;
    awareness.on('update', (change: AwarenessChange, origin: unknown) => this.#onUpdate(change, origin));
  }

  /** Someone else's cursor or presence, from the server. */
  applyRemote(update: Uint8Array): void {
    applyAwarenessUpdate(this.#awareness, update, REMOTE);
  }

  /** Tells the room where we are now (after opening, or when someone new arrives). */
  announce(): void {
    this.#pending = true;
    if (!this.#timer) this.flush();
  }

  /** Sends what is pending now, if the notes are open. */
  flush(): void {
    if (!this.#pending || !this.#canSend()) return;
    this.#pending = false;
    this.#send(encodeAwarenessUpdate(this.#awareness, [this.#awareness.clientID]));
  }

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #onUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (origin === REMOTE) {
      if (added.length > 0) this.announce();
      return;
    }
    // Only our own state is ours to tell (a remote one timing out here is everyone's business).
    if (![...added, ...updated, ...removed].includes(this.#awareness.clientID)) return;
    this.#pending = true;
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.flush();
    }, this.#throttleMs);
  }
}
