import type { Failure } from '../../i18n/message.ts';

/** Where a room's notes stand, as the save indicator shows it. */
export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline' | 'failed';

/** What the indicator says (a key of the `notes` namespace's `status`). */
export type NotesLabel =
  | 'connecting'
  | 'reconnectingKept'
  | 'offline'
  | 'offlineKept'
  | 'readOnly'
  | 'saving'
  | 'saved'
  | 'tooLarge'
  | 'refused';

/** Why the notes can't be saved: one change too big to send, or the server said no for good. */
export type NotesProblem = { kind: 'tooLarge' } | { kind: 'refused'; error: Failure };

export interface NotesStatus {
  save: SaveState;
  label: NotesLabel;
  /** the server's refusal, when `label` is `refused` */
  refusal: Failure | null;
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
  problem: NotesProblem | null;
}

/** The indicator for these facts: nothing typed is ever called saved before the server said so. */
export function notesStatus({ connected, opened, loaded, unsaved, readOnly, problem }: NotesFacts): NotesStatus {
  const base = { loaded, readOnly, refusal: null };
  if (problem?.kind === 'refused') return { ...base, save: 'failed', label: 'refused', refusal: problem.error };
  if (problem) return { ...base, save: 'failed', label: 'tooLarge' };
  if (!connected) return { ...base, save: 'offline', label: unsaved > 0 ? 'offlineKept' : 'offline' };
  if (!opened) return { ...base, save: 'connecting', label: unsaved > 0 ? 'reconnectingKept' : 'connecting' };
  if (readOnly) return { ...base, save: 'saved', label: 'readOnly' };
  return unsaved > 0 ? { ...base, save: 'saving', label: 'saving' } : { ...base, save: 'saved', label: 'saved' };
}
