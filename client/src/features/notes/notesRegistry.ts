import type { RoomId, WorkshopId } from '@plenary/shared';
import { browserStorage } from '../../lib/storage.ts';
import { notesChannel } from './notesChannel.ts';
import { NotesSync } from './notesSync.ts';
import { UnsavedNotes } from './unsavedNotes.ts';

interface Kept {
  workshopId: WorkshopId;
  roomId: RoomId;
  updates: readonly Uint8Array[];
}

/** Writes to storage are gathered: merging a long offline queue on every keystroke would be wasteful. */
const SAVE_DELAY_MS = 400;

const syncs = new Map<string, NotesSync>();
const pendingSaves = new Map<string, Kept>();
let unsaved: UnsavedNotes | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

function saveNow(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  for (const { workshopId, roomId, updates } of pendingSaves.values()) unsaved?.save(workshopId, roomId, updates);
  pendingSaves.clear();
}

function keep(kept: Kept): void {
  pendingSaves.set(`${kept.workshopId}/${kept.roomId}`, { ...kept, updates: [...kept.updates] });
  saveTimer ??= setTimeout(saveNow, SAVE_DELAY_MS);
}

/**
 * The notes document of a room, one per room for as long as the page lives: leaving a room (or its
 * tab) keeps the document and whatever is still being saved; coming back only fetches what changed.
 */
export function roomNotes(workshopId: WorkshopId, roomId: RoomId): NotesSync {
  const docKey = `${workshopId}/${roomId}`;
  let sync = syncs.get(docKey);
  if (!sync) {
    if (!unsaved) {
      unsaved = new UnsavedNotes(browserStorage());
      // The last keystrokes before a reload or a closed tab are written at once.
      window.addEventListener('pagehide', saveNow);
    }
    sync = new NotesSync(roomId, notesChannel, {
      restore: unsaved.load(workshopId, roomId),
      onUnsaved: (updates) => keep({ workshopId, roomId, updates }),
    });
    syncs.set(docKey, sync);
  }
  return sync;
}
