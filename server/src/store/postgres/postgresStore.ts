import type { WorkshopId } from '@plenary/shared';
import pg from 'pg';
import type { Logger } from '../../logger.ts';
import {
  RevisionConflictError,
  type Store,
  type StoredCommand,
  type StoredTail,
  type StoredWorkshop,
  type WorkshopSummary,
} from '../store.ts';
import { migrate } from './migrations.ts';

type Snapshot = { revision: number; state: unknown };
type CommandRow = { revision: number; command: string; at: string };

export interface PostgresStoreOptions {
  /** connections in the pool (each node keeps its own pool) */
  maxConnections?: number;
  logger?: Logger;
}

/**
 * The store on PostgreSQL, for several server nodes sharing workshops. Every write is one statement
 * or one transaction that commits before the promise resolves, so an ack never outruns the database.
 * The arbiter between nodes is the log itself: a command is appended only at the revision right
 * after the stored one (`UPDATE … WHERE revision = $n - 1` row-locks the workshop), so two nodes
 * can never both store a revision.
 */
export class PostgresStore implements Store {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date (safe when several nodes start at once). */
  static async connect(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (a database restart) is dropped from the pool, not a crash.
    pool.on('error', (error) => options.logger?.warn({ err: error }, 'an idle database connection failed'));
    try {
      const client = await pool.connect();
      try {
        const ran = await migrate(client);
        if (ran.length > 0) options.logger?.info({ migrations: ran }, 'database schema migrated');
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  async create(id: WorkshopId, title: string, initialState: unknown, at: number): Promise<void> {
    await this.transaction('READ COMMITTED', async (client) => {
      await client.query('INSERT INTO workshops (id, title, revision, created_at) VALUES ($1, $2, 0, $3)', [
        id,
        title,
        at,
      ]);
      await client.query('INSERT INTO workshop_snapshots (workshop_id, revision, state) VALUES ($1, 0, $2)', [
        id,
        JSON.stringify(initialState),
      ]);
    });
  }

  async append(id: WorkshopId, revision: number, command: unknown, at: number): Promise<void> {
    // One statement: the revision moves on and the command is logged together, or neither happens.
    const appended = await this.pool.query(
      `WITH bumped AS (
         UPDATE workshops SET revision = $2 WHERE id = $1 AND revision = $2 - 1 RETURNING id
       )
       INSERT INTO workshop_commands (workshop_id, revision, command, at)
       SELECT id, $2, $3, $4 FROM bumped`,
      [id, revision, JSON.stringify(command), at],
    );
    if (appended.rowCount === 1) return;
    const stored = await this.pool.query<{ revision: number }>('SELECT revision FROM workshops WHERE id = $1', [id]);
    const actual = stored.rows[0]?.revision;
    if (actual === undefined) throw new Error(`no workshop ${id}`);
    throw new RevisionConflictError(id, revision - 1, actual);
  }

  async snapshot(id: WorkshopId, revision: number, state: unknown): Promise<void> {
    await this.transaction('READ COMMITTED', async (client) => {
      const stored = await client.query<{ revision: number }>('SELECT revision FROM workshops WHERE id = $1', [id]);
      const current = stored.rows[0]?.revision;
      if (current === undefined || revision > current) {
        throw new Error(`workshop ${id} has no revision ${revision} to snapshot`);
      }
      await client.query(
        `INSERT INTO workshop_snapshots (workshop_id, revision, state) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id, revision) DO UPDATE SET state = EXCLUDED.state`,
        [id, revision, JSON.stringify(state)],
      );
      // Older snapshots and the commands they cover are no longer needed to rebuild the state.
      await client.query('DELETE FROM workshop_snapshots WHERE workshop_id = $1 AND revision < $2', [id, revision]);
      await client.query('DELETE FROM workshop_commands WHERE workshop_id = $1 AND revision <= $2', [id, revision]);
    });
  }

  load(id: WorkshopId): Promise<StoredWorkshop | undefined> {
    // One snapshot of the database for both reads, so a snapshot taken meanwhile can't open a gap.
    return this.transaction('REPEATABLE READ READ ONLY', async (client) => {
      const snapshot = await newestSnapshot(client, id);
      if (!snapshot) return undefined;
      return { id, snapshot, commands: await commandsAfter(client, id, snapshot.revision) };
    });
  }

  loadSince(id: WorkshopId, revision: number): Promise<StoredTail | undefined> {
    return this.transaction('REPEATABLE READ READ ONLY', async (client) => {
      const snapshot = await newestSnapshot(client, id);
      if (!snapshot) return undefined;
      if (snapshot.revision <= revision) return { snapshot: null, commands: await commandsAfter(client, id, revision) };
      return { snapshot, commands: await commandsAfter(client, id, snapshot.revision) };
    });
  }

  async list(): Promise<WorkshopSummary[]> {
    const rows = await this.pool.query<{ id: WorkshopId; title: string; revision: number; created_at: string }>(
      'SELECT id, title, revision, created_at FROM workshops ORDER BY created_at, id',
    );
    return rows.rows.map((row) => ({
      id: row.id,
      title: row.title,
      revision: row.revision,
      createdAt: Number(row.created_at),
    }));
  }

  async appendNoteUpdate(docKey: string, update: Uint8Array): Promise<number> {
    // The document's counter row stays locked until this statement commits, so numbers are handed
    // out in the order updates become visible: a reader never sees 7 before 6 is there.
    const inserted = await this.pool.query<{ seq: number }>(
      `WITH next AS (
         INSERT INTO note_documents (doc_key, last_seq) VALUES ($1, 1)
         ON CONFLICT (doc_key) DO UPDATE SET last_seq = note_documents.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO note_updates (doc_key, seq, update_data) SELECT $1, last_seq, $2 FROM next RETURNING seq`,
      [docKey, Buffer.from(update)],
    );
    const seq = inserted.rows[0]?.seq;
    if (seq === undefined) throw new Error(`notes ${docKey}: the update was not stored`);
    return seq;
  }

  async loadNoteUpdates(docKey: string, afterSeq = 0): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const rows = await this.pool.query<{ seq: number; update_data: Buffer }>(
      'SELECT seq, update_data FROM note_updates WHERE doc_key = $1 AND seq > $2 ORDER BY seq',
      [docKey, afterSeq],
    );
    return {
      updates: rows.rows.map((row) => new Uint8Array(row.update_data)),
      lastSeq: rows.rows.at(-1)?.seq ?? afterSeq,
    };
  }

  async compactNotes(docKey: string, merged: Uint8Array, uptoSeq: number): Promise<void> {
    await this.transaction('READ COMMITTED', async (client) => {
      // Appends and other nodes' compactions of this document wait until this one is done.
      await client.query('SELECT last_seq FROM note_documents WHERE doc_key = $1 FOR UPDATE', [docKey]);
      await client.query('DELETE FROM note_updates WHERE doc_key = $1 AND seq <= $2', [docKey, uptoSeq]);
      // The merge takes the place of the last update it covers, so later ones stay after it.
      await client.query(
        `INSERT INTO note_updates (doc_key, seq, update_data) VALUES ($1, $2, $3)
         ON CONFLICT (doc_key, seq) DO UPDATE SET update_data = EXCLUDED.update_data`,
        [docKey, uptoSeq, Buffer.from(merged)],
      );
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(isolation: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function newestSnapshot(client: pg.PoolClient, id: WorkshopId): Promise<Snapshot | undefined> {
  const rows = await client.query<{ revision: number; state: string }>(
    'SELECT revision, state FROM workshop_snapshots WHERE workshop_id = $1 ORDER BY revision DESC LIMIT 1',
    [id],
  );
  const row = rows.rows[0];
  return row && { revision: row.revision, state: JSON.parse(row.state) };
}

async function commandsAfter(client: pg.PoolClient, id: WorkshopId, revision: number): Promise<StoredCommand[]> {
  const rows = await client.query<CommandRow>(
    'SELECT revision, command, at FROM workshop_commands WHERE workshop_id = $1 AND revision > $2 ORDER BY revision',
    [id, revision],
  );
  return rows.rows.map((row) => ({ revision: row.revision, command: JSON.parse(row.command), at: Number(row.at) }));
}
