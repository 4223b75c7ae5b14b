import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkshopId } from '@plenary/shared';
import Database from 'better-sqlite3';
import {
  RevisionConflictError,
  type Store,
  type StoredCommand,
  type StoredTail,
  type StoredWorkshop,
  type WorkshopSummary,
} from '../store.ts';
import { migrations } from './migrations.ts';

/**
 * The embedded default store. better-sqlite3 is synchronous, so a write has reached the WAL when the
 * call returns: an ack sent after it never outruns the disk (synchronous=FULL survives power loss too).
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  async create(id: WorkshopId, title: string, initialState: unknown, at: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO workshops (id, title, revision, created_at) VALUES (?, ?, 0, ?)').run(id, title, at);
      this.db
        .prepare('INSERT INTO workshop_snapshots (workshop_id, revision, state) VALUES (?, 0, ?)')
        .run(id, JSON.stringify(initialState));
    })();
  }

  async append(id: WorkshopId, revision: number, command: unknown, at: number): Promise<void> {
    this.db.transaction(() => {
      const stored = this.revisionOf(id);
      if (stored === undefined) throw new Error(`no workshop ${id}`);
      if (stored !== revision - 1) throw new RevisionConflictError(id, revision - 1, stored);
      this.db
        .prepare('INSERT INTO workshop_commands (workshop_id, revision, command, at) VALUES (?, ?, ?, ?)')
        .run(id, revision, JSON.stringify(command), at);
      this.db.prepare('UPDATE workshops SET revision = ? WHERE id = ?').run(revision, id);
    })();
  }

  async snapshot(id: WorkshopId, revision: number, state: unknown): Promise<void> {
    this.db.transaction(() => {
      const stored = this.revisionOf(id);
      if (stored === undefined || revision > stored)
        throw new Error(`workshop ${id} has no revision ${revision} to snapshot`);
      this.db
        .prepare('INSERT OR REPLACE INTO workshop_snapshots (workshop_id, revision, state) VALUES (?, ?, ?)')
        .run(id, revision, JSON.stringify(state));
      // Older snapshots and the commands they cover are no longer needed to rebuild the state.
      this.db.prepare('DELETE FROM workshop_snapshots WHERE workshop_id = ? AND revision < ?').run(id, revision);
      this.db.prepare('DELETE FROM workshop_commands WHERE workshop_id = ? AND revision <= ?').run(id, revision);
    })();
  }

  async load(id: WorkshopId): Promise<StoredWorkshop | undefined> {
    return this.db.transaction(() => {
      const snapshot = this.newestSnapshot(id);
      if (!snapshot) return undefined;
      return { id, snapshot, commands: this.commandsAfter(id, snapshot.revision) };
    })();
  }

  async loadSince(id: WorkshopId, revision: number): Promise<StoredTail | undefined> {
    return this.db.transaction(() => {
      const snapshot = this.newestSnapshot(id);
      if (!snapshot) return undefined;
      if (snapshot.revision <= revision) return { snapshot: null, commands: this.commandsAfter(id, revision) };
      return { snapshot, commands: this.commandsAfter(id, snapshot.revision) };
    })();
  }

  async list(): Promise<WorkshopSummary[]> {
    const rows = this.db
      .prepare('SELECT id, title, revision, created_at AS createdAt FROM workshops ORDER BY created_at')
      .all() as WorkshopSummary[];
    return rows;
  }

  async appendNoteUpdate(docKey: string, update: Uint8Array): Promise<number> {
    const row = this.db
      .prepare<[string, string, Buffer], { seq: number }>(
        `INSERT INTO note_updates (doc_key, seq, update_data)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM note_updates WHERE doc_key = ?), ?)
         RETURNING seq`,
      )
      .get(docKey, docKey, Buffer.from(update));
    if (!row) throw new Error(`notes ${docKey}: the update was not stored`);
    return row.seq;
  }

  async loadNoteUpdates(docKey: string, afterSeq = 0): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const rows = this.db
      .prepare<[string, number], { seq: number; update_data: Buffer }>(
        'SELECT seq, update_data FROM note_updates WHERE doc_key = ? AND seq > ? ORDER BY seq',
      )
      .all(docKey, afterSeq);
    return { updates: rows.map((row) => new Uint8Array(row.update_data)), lastSeq: rows.at(-1)?.seq ?? afterSeq };
  }

  async compactNotes(docKey: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM note_updates WHERE doc_key = ? AND seq <= ?').run(docKey, uptoSeq);
      // The merge takes the place of the last update it covers, so later ones stay after it.
      this.db
        .prepare('INSERT INTO note_updates (doc_key, seq, update_data) VALUES (?, ?, ?)')
        .run(docKey, uptoSeq, Buffer.from(merged));
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private newestSnapshot(id: WorkshopId): { revision: number; state: unknown } | undefined {
    const row = this.db
      .prepare<[string], { revision: number; state: string }>(
        'SELECT revision, state FROM workshop_snapshots WHERE workshop_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .get(id);
    return row && { revision: row.revision, state: JSON.parse(row.state) };
  }

  private commandsAfter(id: WorkshopId, revision: number): StoredCommand[] {
    const rows = this.db
      .prepare(
        'SELECT revision, command, at FROM workshop_commands WHERE workshop_id = ? AND revision > ? ORDER BY revision',
      )
      .all(id, revision) as Array<{ revision: number; command: string; at: number }>;
    return rows.map((row) => ({ ...row, command: JSON.parse(row.command) }));
  }

  private revisionOf(id: WorkshopId): number | undefined {
    return this.db.prepare<[string], { revision: number }>('SELECT revision FROM workshops WHERE id = ?').get(id)
      ?.revision;
  }

  private migrate(): void {
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    for (let index = applied; index < migrations.length; index++) {
      this.db.transaction(() => {
        this.db.exec(migrations[index] as string);
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }
}
