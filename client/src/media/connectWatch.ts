import { assertNever } from '../lib/assertNever.ts';

/** After this long without getting through, media tries again relayed by TURN only (when there is one). */
export const RELAY_ONLY_AFTER_MS = 4_000;
/** After this long without getting through, the person is told their network blocks media. */
export const BLOCKED_AFTER_MS = 9_000;

/** Where getting media through stands, since the first transport of this room started ICE. */
export interface ConnectAttempt {
  /** epoch ms of the first ICE start in this room; null while no transport has started */
  since: number | null;
  connected: boolean;
  /** the transports were rebuilt relay-only */
  relayOnly: boolean;
  /** the server hands out a TURN server */
  relayAvailable: boolean;
  /** the person was already told media is blocked */
  toldBlocked: boolean;
}

export type ConnectStep =
  | { kind: 'idle' }
  | { kind: 'waitUntil'; at: number }
  | { kind: 'rebuildRelayOnly' }
  | { kind: 'tellBlocked' };

/**
 * The decision timeline of a join whose media may not get through: first try TURN alone (a
 * firewall that blocks direct media often lets a relay over 443 through), then, still within 10 s,
 * tell the person what is wrong. Pure: the edge keeps the clock and the timer.
 */
export function nextConnectStep(attempt: ConnectAttempt, now: number): ConnectStep {
  const { since, connected, relayOnly, relayAvailable, toldBlocked } = attempt;
  if (since === null || connected || toldBlocked) return { kind: 'idle' };
  const waited = now - since;
  if (relayAvailable && !relayOnly) {
    return waited >= RELAY_ONLY_AFTER_MS
      ? { kind: 'rebuildRelayOnly' }
      : { kind: 'waitUntil', at: since + RELAY_ONLY_AFTER_MS };
  }
  return waited >= BLOCKED_AFTER_MS ? { kind: 'tellBlocked' } : { kind: 'waitUntil', at: since + BLOCKED_AFTER_MS };
}

export interface ConnectWatchOptions {
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => () => void;
  rebuildRelayOnly: () => void;
  tellBlocked: () => void;
  /** Media got through (after having been told it was blocked, or relayed). */
  connected: (relayOnly: boolean) => void;
}

const realTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** Keeps the clock for `nextConnectStep` across the rebuilds of one room's media. */
export class ConnectWatch {
  readonly #options: ConnectWatchOptions;
  #attempt: ConnectAttempt = {
    since: null,
    connected: false,
    relayOnly: false,
    relayAvailable: false,
    toldBlocked: false,
  };
  #cancel: (() => void) | null = null;

  constructor(options: ConnectWatchOptions) {
    this.#options = options;
  }

  get relayOnly(): boolean {
    return this.#attempt.relayOnly;
  }

  /** A new room: the timeline starts again, direct first. */
  reset(): void {
    this.#stopTimer();
    this.#attempt = { since: null, connected: false, relayOnly: false, relayAvailable: false, toldBlocked: false };
  }

  /** Media is being built (again); whether a TURN server is on hand for a relay-only attempt. */
  building(relayAvailable: boolean): void {
    this.#attempt = { ...this.#attempt, relayAvailable, connected: false };
  }

  /** A transport started ICE. */
  connecting(): void {
    if (this.#attempt.since !== null && !this.#attempt.connected) return;
    this.#attempt = { ...this.#attempt, since: this.#now(), connected: false };
    this.#step();
  }

  connected(): void {
    if (this.#attempt.connected) return;
    const wasTroubled = this.#attempt.toldBlocked || this.#attempt.relayOnly;
    this.#attempt = { ...this.#attempt, connected: true, since: null, toldBlocked: false };
    this.#stopTimer();
    if (wasTroubled) this.#options.connected(this.#attempt.relayOnly);
  }

  close(): void {
    this.#stopTimer();
  }

  #step(): void {
    this.#stopTimer();
    const step = nextConnectStep(this.#attempt, this.#now());
    switch (step.kind) {
      case 'idle':
        return;
      case 'waitUntil':
        this.#cancel = (this.#options.setTimer ?? realTimer)(() => this.#step(), step.at - this.#now());
        return;
      case 'rebuildRelayOnly':
        // The clock keeps running from the first attempt: the person hears within 10 s either way.
        this.#attempt = { ...this.#attempt, relayOnly: true };
        this.#options.rebuildRelayOnly();
        this.#step();
        return;
      case 'tellBlocked':
        this.#attempt = { ...this.#attempt, toldBlocked: true };
        this.#options.tellBlocked();
        return;
      default:
        assertNever(step);
    }
  }

  #stopTimer(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}
