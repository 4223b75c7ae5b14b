import type { types } from 'mediasoup-client';

/** How the transports are doing, as a person would put it. */
export type MediaLink = 'connected' | 'reconnecting';

export interface TransportHealthOptions {
  /** The transports lost their path to the server (`reconnecting`), or have one (again). */
  onLinkChange?: (link: MediaLink) => void;
  /** An ICE restart did not bring a transport back: only a rebuild will. */
  onGiveUp: (reason: string) => void;
  /** How long a restarted transport may take to connect again. */
  restartTimeoutMs: number;
}

/**
 * Watches one media session's transports: sums their states up into one link state, decides when
 * to restart ICE, and when to stop trying. A transport that fails again after a restart, or is not
 * connected again in time, will not recover by restarting (the network changed under it).
 */
export class TransportHealth {
  readonly #options: TransportHealthOptions;
  readonly #states = new Map<string, types.ConnectionState>();
  /** Transports restarted but not connected again yet: the timer that gives up on them. */
  readonly #watchdogs = new Map<string, ReturnType<typeof setTimeout>>();
  #link: MediaLink | null = null;
  #closed = false;

  constructor(options: TransportHealthOptions) {
    this.#options = options;
  }

  /** A transport's new state; `restart` when its ICE should be restarted. */
  changed(transportId: string, state: types.ConnectionState): 'restart' | null {
    if (this.#closed) return null;
    this.#states.set(transportId, state);
    this.#reportLink();
    if (state === 'connected') this.#stopWatchdog(transportId);
    if (state === 'failed' && this.#watchdogs.has(transportId)) {
      this.#giveUp(transportId, 'ICE restart did not reconnect');
      return null;
    }
    return state === 'disconnected' || state === 'failed' ? 'restart' : null;
  }

  /** The restart went through; a transport not connected yet gets a deadline. */
  restarted(transportId: string, state: types.ConnectionState): void {
    if (this.#closed || state === 'connected') return;
    this.#stopWatchdog(transportId);
    const timeout = this.#options.restartTimeoutMs;
    const timer = setTimeout(
      () => this.#giveUp(transportId, `not reconnected ${timeout} ms after an ICE restart`),
      timeout,
    );
    this.#watchdogs.set(transportId, timer);
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#watchdogs.values()) clearTimeout(timer);
    this.#watchdogs.clear();
  }

  /** `reconnecting` while any transport has lost its path; `connected` once every one that started is through. */
  #reportLink(): void {
    const states = [...this.#states.values()];
    let link: MediaLink | null = null;
    if (states.some((state) => state === 'disconnected' || state === 'failed')) link = 'reconnecting';
    else if (states.length > 0 && states.every((state) => state === 'connected')) link = 'connected';
    if (link === null || link === this.#link) return;
    this.#link = link;
    this.#options.onLinkChange?.(link);
  }

  #stopWatchdog(transportId: string): void {
    clearTimeout(this.#watchdogs.get(transportId));
    this.#watchdogs.delete(transportId);
  }

  #giveUp(transportId: string, reason: string): void {
    this.#stopWatchdog(transportId);
    if (!this.#closed) this.#options.onGiveUp(reason);
  }
}
