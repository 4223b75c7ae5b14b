/** Where a room's notes stand, as the save indicator shows it. */
export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline' | 'failed';

export interface NotesStatus {
  save: SaveState;
  label: string;
  /** The server's copy has arrived at least once (until then the editor waits, unless offline). */
  loaded: boolean;
  readOnly: boolean;
}

export interface NotesFacts {
  /** The session can send notes commands. */
  connected: boolean;
  /** Open on the server over the current connection. */
  opened: boolean;
  loaded: boolean;
  /** Local updates the server has not acknowledged. */
  unsaved: number;
  readOnly: boolean;
  problem: string | null;
}

/** The indicator for these facts: nothing typed is ever called saved before the server said so. */
export function notesStatus({ connected, opened, loaded, unsaved, readOnly, problem }: NotesFacts): NotesStatus {
  const base = { loaded, readOnly };
  if (problem) return { ...base, save: 'failed', label: problem };
  if (!connected) return { ...base, save: 'offline', label: unsaved > 0 ? 'Offline – changes kept' : 'Offline' };
  if (!opened) {
    return { ...base, save: 'connecting', label: unsaved > 0 ? 'Reconnecting – changes kept' : 'Connecting…' };
  }
  if (readOnly) return { ...base, save: 'saved', label: 'Read only' };
  return unsaved > 0 ? { ...base, save: 'saving', label: 'Saving…' } : { ...base, save: 'saved', label: 'Saved' };
}
