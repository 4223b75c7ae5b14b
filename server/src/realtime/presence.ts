import type { WorkshopId } from '@plenary/shared';
import type { PlenarySocket } from './types.ts';
import { participantKey } from './types.ts';

/**
 * The one live connection of each participant. A new connection (another tab, a reconnect after a
 * network drop) replaces the old one. When the connection closes, the participant counts as gone
 * only after a grace period without a new one, so a brief drop doesn't reshuffle the room.
 */
export class Presence {
  private readonly live = new Map<string, PlenarySocket>();
  private readonly leaving = new Map<string, NodeJS.Timeout>();

  constructor(private readonly graceMs: number) {}

  /** Registers the connection; returns the one it replaces, which the caller should close. */
  attach(socket: PlenarySocket): PlenarySocket | undefined {
    const key = keyOf(socket);
    clearTimeout(this.leaving.get(key));
    this.leaving.delete(key);
    const previous = this.live.get(key);
    this.live.set(key, socket);
    return previous !== socket ? previous : undefined;
  }

  socketOf(key: string): PlenarySocket | undefined {
    return this.live.get(key);
  }

  /** The live connections of one workshop's participants on this server. */
  socketsOf(workshopId: WorkshopId): PlenarySocket[] {
    return [...this.live.values()].filter((socket) => socket.data.workshopId === workshopId);
  }

  /** The connection closed (or left): `gone` runs unless the participant is back in time. */
  detach(socket: PlenarySocket, gone: () => void, graceMs = this.graceMs): void {
    const key = keyOf(socket);
    if (this.live.get(key) !== socket) return;
    this.live.delete(key);
    const timer = setTimeout(() => {
      this.leaving.delete(key);
      gone();
    }, graceMs);
    timer.unref();
    this.leaving.set(key, timer);
  }

  clear(): void {
    for (const timer of this.leaving.values()) clearTimeout(timer);
    this.leaving.clear();
    this.live.clear();
  }
}

function keyOf(socket: PlenarySocket): string {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId) throw new Error('presence of a connection that has not joined');
  return participantKey(workshopId, participantId);
}
