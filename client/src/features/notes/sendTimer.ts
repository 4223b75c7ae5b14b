/** Longest wait between attempts, however often the server has said "not now". */
const MAX_RETRY_MS = 15_000;

/**
 * The one timer of a notes document: when the next send is due. A send soon (keystrokes gathered)
 * waits for one already due; a retry after a refusal that may pass (timeout, rate limit) replaces
 * it, waiting twice as long each time until something goes through.
 */
export class SendTimer {
  readonly #firstRetryMs: number;
  #retryMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(firstRetryMs: number) {
    this.#firstRetryMs = firstRetryMs;
    this.#retryMs = firstRetryMs;
  }

  /** Runs `send` in `delayMs`, unless a run is due already. */
  soon(delayMs: number, send: () => void): void {
    if (this.#timer) return;
    this.#start(delayMs, send);
  }

  /** Runs `retry` after the current back-off, in place of whatever was due. */
  retryLater(retry: () => void): void {
    const wait = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    this.clear();
    this.#start(wait, retry);
  }

  /** Something went through: the next refusal waits the first delay again. */
  succeeded(): void {
    this.#retryMs = this.#firstRetryMs;
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #start(delayMs: number, run: () => void): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      run();
    }, delayMs);
  }
}
