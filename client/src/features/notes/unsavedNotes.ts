import type { RoomId, WorkshopId } from '@plenary/shared';
import * as Y from 'yjs';
import type { KeyValueStore } from '../../lib/storage.ts';
import { keptNotesKey } from './keptNotes.ts';

/** Beyond this, what is unsaved stays in memory only (localStorage holds a few MB per site). */
const MAX_KEPT_BYTES = 1_000_000;

/**
 * Notes typed but not yet acknowledged by the server, kept in the browser's storage so that a
 * reload, a crash or a closed laptop while offline loses none of them: the next visit sends them.
 */
export class UnsavedNotes {
  readonly #storage: KeyValueStore;

  constructor(storage: KeyValueStore) {
    this.#storage = storage;
  }

  load(workshopId: WorkshopId, roomId: RoomId): Uint8Array | null {
    const key = keptNotesKey(workshopId, roomId);
    const stored = this.#storage.getItem(key);
    if (!stored) return null;
    try {
      const update = fromBase64(stored);
      Y.decodeUpdate(update);
      return update;
    } catch {
      this.#storage.removeItem(key);
      return null;
    }
  }

  save(workshopId: WorkshopId, roomId: RoomId, updates: readonly Uint8Array[]): void {
    const key = keptNotesKey(workshopId, roomId);
    try {
      if (updates.length === 0) {
        this.#storage.removeItem(key);
        return;
      }
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]);
      if (merged.byteLength > MAX_KEPT_BYTES) return;
      this.#storage.setItem(key, toBase64(merged));
    } catch {
      // Storage full or refused: the words are still in memory and still being sent.
    }
  }
}

function toBase64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
