import type { WorkshopId } from '@plenary/shared';

/**
 * Persistence behind an interface: the embedded default is SQLite; other engines implement the same
 * contract (see contract.ts, which every implementation's tests run).
 *
 * A workshop is stored as an append-only log of the commands the domain accepted, plus snapshots of
 * its state now and then. Loading replays the commands after the newest snapshot, so nothing that was
 * acknowledged is lost, and a write is one small row rather than the whole state.
 */
export interface StoredCommand {
  revision: number;
  command: unknown;
  at: number;
}

export interface StoredWorkshop {
  id: WorkshopId;
  snapshot: { revision: number; state: unknown };
  /** commands after the snapshot, in revision order */
  commands: StoredCommand[];
}

/**
 * What a copy of a workshop at some revision lacks: the commands after it, or, when a snapshot has
 * since replaced those commands in the log, the newest snapshot and the commands after that.
 */
export interface StoredTail {
  snapshot: { revision: number; state: unknown } | null;
  /** in revision order */
  commands: StoredCommand[];
}

export interface WorkshopSummary {
  id: WorkshopId;
  title: string;
  revision: number;
  createdAt: number;
}

export class RevisionConflictError extends Error {
  constructor(
    readonly workshopId: WorkshopId,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`workshop ${workshopId}: expected revision ${expected}, the store has ${actual}`);
    this.name = 'RevisionConflictError';
  }
}

export interface WorkshopStore {
  /** Stores a new workshop at revision 0; rejects an id that exists. */
  create(id: WorkshopId, title: string, initialState: unknown, at: number): Promise<void>;
  /** Appends the command that produced `revision`; it must follow the stored revision exactly. */
  append(id: WorkshopId, revision: number, command: unknown, at: number): Promise<void>;
  /** Records the state at a revision already in the log, so later loads replay less. */
  snapshot(id: WorkshopId, revision: number, state: unknown): Promise<void>;
  load(id: WorkshopId): Promise<StoredWorkshop | undefined>;
  /**
   * What was logged after `revision`, for a server node whose copy is behind because another node
   * decided meanwhile (several nodes share one database; the log's order is the arbiter).
   */
  loadSince(id: WorkshopId, revision: number): Promise<StoredTail | undefined>;
  list(): Promise<WorkshopSummary[]>;
  close(): Promise<void>;
}

/**
 * Collaborative notes: one Yjs document per room, stored as the updates that built it. Each update
 * is appended before it is acknowledged; `compact` later replaces a run of them by their merge.
 */
export interface NotesStore {
  /**
   * Stores an update and returns its sequence number: one more than the document's last, also when
   * several server nodes append at once (numbers are given in the order the updates are stored).
   */
  appendNoteUpdate(docKey: string, update: Uint8Array): Promise<number>;
  /**
   * The stored updates of the document after sequence number `afterSeq` (all by default), oldest
   * first, with the sequence number of the last one (`afterSeq` when there are none).
   */
  loadNoteUpdates(docKey: string, afterSeq?: number): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  /**
   * Replaces the updates up to and including `uptoSeq` with one update that covers them all: the
   * merged update takes the sequence number `uptoSeq`.
   */
  compactNotes(docKey: string, merged: Uint8Array, uptoSeq: number): Promise<void>;
}

export type Store = WorkshopStore & NotesStore;
