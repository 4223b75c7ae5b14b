// How long moving rooms takes as a person experiences it: from the server saying "you are now in
// this room" to hearing or seeing someone there (or, alone, to being connected). Recorded with the
// User Timing API, so a benchmark or the browser's performance panel reads it without test hooks.

export const ROOM_SWITCH = 'plenary:room-switch';
export const ROOM_SWITCH_START = `${ROOM_SWITCH}:start`;

/** What ended the measurement. */
export type SwitchEnd = 'remote-media' | 'connected-alone' | 'ready-alone';

export interface SwitchDetail {
  roomId: string | null;
  until: SwitchEnd;
}

/** The part of `Performance` this uses; tests pass their own clock. */
export interface Timeline {
  now(): number;
  mark(name: string, options?: { startTime?: number; detail?: unknown }): unknown;
  measure(name: string, options: { start: number; end: number; detail?: unknown }): unknown;
}

/** Longer than this is not a switch any more but something that went wrong; it is not recorded. */
const GIVE_UP_MS = 30_000;

export class RoomSwitchTimer {
  readonly #timeline: Timeline;
  #started: { at: number; roomId: string | null } | null = null;

  constructor(timeline: Timeline = performance) {
    this.#timeline = timeline;
  }

  get pending(): boolean {
    return this.#started !== null;
  }

  start(roomId: string | null): void {
    const at = this.#timeline.now();
    this.#started = { at, roomId };
    this.#timeline.mark(ROOM_SWITCH_START, { startTime: at, detail: { roomId } });
  }

  /** Records the switch once, at the first end reached; returns its duration in ms. */
  finish(until: SwitchEnd): number | null {
    const started = this.#started;
    if (!started) return null;
    this.#started = null;
    const end = this.#timeline.now();
    const duration = end - started.at;
    if (duration > GIVE_UP_MS) return null;
    const detail: SwitchDetail = { roomId: started.roomId, until };
    this.#timeline.measure(ROOM_SWITCH, { start: started.at, end, detail });
    return duration;
  }

  cancel(): void {
    this.#started = null;
  }
}
