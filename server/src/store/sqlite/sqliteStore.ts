import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WorkshopId } from '@plenary/shared';
import type Database from 'better-sqlite3';
import type { Store, StoredCommand, StoredTail, StoredWorkshop, WorkshopSummary } from '../store.ts';
import { SqliteWriter } from './sqliteWriter.ts';
import { openDatabase } from './writes.ts';

/**
 * The embedded default store. Writes go to a writer thread (see writerThread.ts) and resolve once
 * they are committed with synchronous=FULL, so an ack sent after one never outruns the disk, even on
 * power loss, and the main thread never waits for fsync. Reads use a connection of their own here:
 * WAL lets them run beside the writer and they see every write that has resolved.
 */
export class SqliteStore implements Store {
  private constructor(
    private readonly db: Database.Database,
    private readonly writer: SqliteWriter,
  ) {}

  /** Opens (creating or migrating) the database in `file`. */
  static async open(file: string): Promise<SqliteStore> {
    mkdirSync(dirname(file), { recursive: true });
    const writer = await SqliteWriter.start(file);
    const db = openDatabase(file);
    db.pragma('query_only = ON');
    return new SqliteStore(db, writer);
  }

  async create(id: WorkshopId, title: string, initialState: unknown, at: number): Promise<void> {
    await this.writer.write({ kind: 'create', workshopId: id, title, state: JSON.stringify(initialState), at });
  }

  async append(id: WorkshopId, revision: number, command: unknown, at: number): Promise<void> {
    await this.writer.write({ kind: 'append', workshopId: id, revision, command: JSON.stringify(command), at });
  }

  async snapshot(id: WorkshopId, revision: number, state: unknown): Promise<void> {
    await this.writer.write({ kind: 'snapshot', workshopId: id, revision, state: JSON.stringify(state) });
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
    const seq = await this.writer.write({ kind: 'appendNote', docKey, update });
    if (seq === null) throw new Error(`notes ${docKey}: the update was not stored`);
    return seq;
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
    await this.writer.write({ kind: 'compactNotes', docKey, merged, uptoSeq });
  }

  async close(): Promise<void> {
    // Pending writes are committed first; the reader closes last, after the writer's checkpoint.
    await this.writer.close();
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
}
