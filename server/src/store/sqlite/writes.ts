import Database from 'better-sqlite3';
import { RevisionConflictError } from '../store.ts';
import { migrations } from './migrations.ts';

/** One change to the database, as the store's writer thread receives it (states and commands already JSON). */
export type Write =
  | { kind: 'create'; workshopId: string; title: string; state: string; at: number }
  | { kind: 'append'; workshopId: string; revision: number; command: string; at: number }
  | { kind: 'snapshot'; workshopId: string; revision: number; state: string }
  | { kind: 'appendNote'; docKey: string; update: Uint8Array }
  | { kind: 'compactNotes'; docKey: string; merged: Uint8Array; uptoSeq: number };

export interface WriteRequest {
  seq: number;
  write: Write;
}

/** Why a write was not stored, in a form that crosses threads (an Error's class does not). */
export type WriteFailure =
  | { kind: 'revisionConflict'; workshopId: string; expected: number; actual: number }
  | { kind: 'failed'; message: string };

/** `value`: the note update's sequence number for `appendNote`, else null. */
export type WriteReply =
  | { seq: number; ok: true; value: number | null }
  | { seq: number; ok: false; failure: WriteFailure };

/** Opens a connection; a busy database is waited for (another process may hold the write lock). */
export function openDatabase(file: string): Database.Database {
  return new Database(file, { timeout: 5_000 });
}

/**
 * Every write of the SQLite store, run on the writer thread's connection. `commit` stores a batch of
 * writes in one transaction, so one fsync covers all the writes that queued up during the previous
 * one (group commit); each write still succeeds or fails on its own, inside a savepoint.
 */
export class SqliteWrites {
  private readonly statements;
  private readonly applyOne: (write: Write) => number | null;
  private readonly commitAll: Database.Transaction<(requests: readonly WriteRequest[]) => WriteReply[]>;

  constructor(db: Database.Database) {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk, not just in the OS's cache, before anyone is told it happened.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    this.statements = {
      revisionOf: db.prepare<[string], { revision: number }>('SELECT revision FROM workshops WHERE id = ?'),
      createWorkshop: db.prepare('INSERT INTO workshops (id, title, revision, created_at) VALUES (?, ?, 0, ?)'),
      insertSnapshot: db.prepare(
        'INSERT OR REPLACE INTO workshop_snapshots (workshop_id, revision, state) VALUES (?, ?, ?)',
      ),
      insertCommand: db.prepare(
        'INSERT INTO workshop_commands (workshop_id, revision, command, at) VALUES (?, ?, ?, ?)',
      ),
      setRevision: db.prepare('UPDATE workshops SET revision = ? WHERE id = ?'),
      dropSnapshotsBefore: db.prepare('DELETE FROM workshop_snapshots WHERE workshop_id = ? AND revision < ?'),
      dropCommandsUpTo: db.prepare('DELETE FROM workshop_commands WHERE workshop_id = ? AND revision <= ?'),
      appendNote: db.prepare<[string, string, Buffer], { seq: number }>(
        `INSERT INTO note_updates (doc_key, seq, update_data)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM note_updates WHERE doc_key = ?), ?)
         RETURNING seq`,
      ),
      dropNotesUpTo: db.prepare('DELETE FROM note_updates WHERE doc_key = ? AND seq <= ?'),
      insertNote: db.prepare('INSERT INTO note_updates (doc_key, seq, update_data) VALUES (?, ?, ?)'),
    };
    // Inside the batch's transaction this runs as a savepoint: a failed write leaves no trace.
    this.applyOne = db.transaction((write: Write) => this.apply(write));
    this.commitAll = db.transaction((requests: readonly WriteRequest[]) =>
      requests.map(({ seq, write }): WriteReply => {
        try {
          return { seq, ok: true, value: this.applyOne(write) };
        } catch (error) {
          return { seq, ok: false, failure: failureOf(error) };
        }
      }),
    );
  }

  /** Stores the batch; a reply per request, in order. If the commit itself fails, nothing was stored. */
  commit(requests: readonly WriteRequest[]): WriteReply[] {
    try {
      // IMMEDIATE: the write lock is taken before anything is read, so another process writing the
      // same file makes this wait (busy timeout) rather than fail on a stale read.
      return this.commitAll.immediate(requests);
    } catch (error) {
      const failure = failureOf(error);
      return requests.map(({ seq }) => ({ seq, ok: false, failure }));
    }
  }

  private apply(write: Write): number | null {
    const { statements } = this;
    switch (write.kind) {
      case 'create':
        statements.createWorkshop.run(write.workshopId, write.title, write.at);
        statements.insertSnapshot.run(write.workshopId, 0, write.state);
        return null;
      case 'append': {
        const stored = statements.revisionOf.get(write.workshopId)?.revision;
        if (stored === undefined) throw new Error(`no workshop ${write.workshopId}`);
        if (stored !== write.revision - 1) {
          throw new RevisionConflictError(write.workshopId as never, write.revision - 1, stored);
        }
        statements.insertCommand.run(write.workshopId, write.revision, write.command, write.at);
        statements.setRevision.run(write.revision, write.workshopId);
        return null;
      }
      case 'snapshot': {
        const stored = statements.revisionOf.get(write.workshopId)?.revision;
        if (stored === undefined || write.revision > stored) {
          throw new Error(`workshop ${write.workshopId} has no revision ${write.revision} to snapshot`);
        }
        statements.insertSnapshot.run(write.workshopId, write.revision, write.state);
        // Older snapshots and the commands they cover are no longer needed to rebuild the state.
        statements.dropSnapshotsBefore.run(write.workshopId, write.revision);
        statements.dropCommandsUpTo.run(write.workshopId, write.revision);
        return null;
      }
      case 'appendNote': {
        const row = statements.appendNote.get(write.docKey, write.docKey, Buffer.from(write.update));
        if (!row) throw new Error(`notes ${write.docKey}: the update was not stored`);
        return row.seq;
      }
      case 'compactNotes':
        statements.dropNotesUpTo.run(write.docKey, write.uptoSeq);
        // The merge takes the place of the last update it covers, so later ones stay after it.
        statements.insertNote.run(write.docKey, write.uptoSeq, Buffer.from(write.merged));
        return null;
    }
  }
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let index = applied; index < migrations.length; index++) {
    db.transaction(() => {
      db.exec(migrations[index] as string);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

function failureOf(error: unknown): WriteFailure {
  if (error instanceof RevisionConflictError) {
    return { kind: 'revisionConflict', workshopId: error.workshopId, expected: error.expected, actual: error.actual };
  }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** The Error a failure stands for, on the thread that asked for the write. */
export function errorOf(failure: WriteFailure): Error {
  if (failure.kind === 'revisionConflict') {
    return new RevisionConflictError(failure.workshopId as never, failure.expected, failure.actual);
  }
  return new Error(failure.message);
}
