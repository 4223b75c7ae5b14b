import type { Fact, RoomId, WorkshopId } from '@plenary/shared';
import type { FactEvent } from '../../net/facts.ts';
import type { Requester } from '../../net/request.ts';
import { sendKeptNotes } from './keptNotes.ts';

/** The facts of the shared notes: someone's edit, someone's cursor. */
export type NotesFact = Extract<FactEvent, { name: typeof Fact.notesUpdated | typeof Fact.notesAwarenessUpdated }>;

type FactListener = (fact: NotesFact) => void;
type UsableListener = (usable: boolean) => void;

const notConnected = { ok: false, error: { code: 'disconnected', message: 'Not connected to the server.' } } as const;

/**
 * Where the notes documents meet the session. The session says when its connection can carry notes
 * commands (after each join, and after each reconnect) and when it can't, and hands over the notes
 * facts; each room's notes (loaded lazily with the editor) listen here. No Yjs in this file, so the
 * initial bundle doesn't carry it.
 */
export class NotesChannel {
  #request: Requester | null = null;
  readonly #rooms = new Map<RoomId, Set<FactListener>>();
  readonly #usable = new Set<UsableListener>();

  /** Whether notes commands can be sent now. */
  get usable(): boolean {
    return this.#request !== null;
  }

  /**
   * The session's requester once it is joined (again) to `workshopId`, or null when the connection
   * dropped or the session ended. Every non-null call means "a fresh connection": open documents are
   * opened anew, and notes kept from an earlier visit are sent.
   */
  use(request: Requester | null, workshopId?: WorkshopId): void {
    this.#request = request;
    for (const listener of [...this.#usable]) listener(request !== null);
    if (request && workshopId) sendKeptNotes(workshopId);
  }

  request: Requester = (command, payload) =>
    this.#request ? this.#request(command, payload) : Promise.resolve(notConnected);

  deliver(fact: NotesFact): void {
    for (const listener of [...(this.#rooms.get(fact.payload.roomId) ?? [])]) listener(fact);
  }

  listen(roomId: RoomId, listener: FactListener): () => void {
    const listeners = this.#rooms.get(roomId) ?? new Set<FactListener>();
    this.#rooms.set(roomId, listeners);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#rooms.delete(roomId);
    };
  }

  onUsable(listener: UsableListener): () => void {
    this.#usable.add(listener);
    return () => this.#usable.delete(listener);
  }
}

/** The page's one channel, fed by the current session (see `session/workshopSession.ts`). */
export const notesChannel = new NotesChannel();
