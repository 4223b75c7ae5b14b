import type { PoolClient } from 'pg';

/**
 * Schema changes in order, numbered from 1; `plenary_migrations` records which have run. Append,
 * never edit: a database in the field has already run the old ones.
 *
 * Commands and snapshots are JSON kept as text, not jsonb: jsonb refuses a `\u0000` inside a string
 * and reorders keys, and the log must give back exactly what was written.
 */
export const migrations: string[] = [
  `CREATE TABLE workshops (
     id text PRIMARY KEY,
     title text NOT NULL,
     revision integer NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE TABLE workshop_commands (
     workshop_id text NOT NULL REFERENCES workshops(id),
     revision integer NOT NULL,
     command text NOT NULL,
     at bigint NOT NULL,
     PRIMARY KEY (workshop_id, revision)
   );
   CREATE TABLE workshop_snapshots (
     workshop_id text NOT NULL REFERENCES workshops(id),
     revision integer NOT NULL,
     state text NOT NULL,
     PRIMARY KEY (workshop_id, revision)
   );
   -- one row per notes document: the last sequence number handed out, locked while one is taken
   CREATE TABLE note_documents (
     doc_key text PRIMARY KEY,
     last_seq integer NOT NULL
   );
   CREATE TABLE note_updates (
     doc_key text NOT NULL,
     seq integer NOT NULL,
     update_data bytea NOT NULL,
     PRIMARY KEY (doc_key, seq)
   );`,
];

/** Any constant both nodes agree on: the advisory lock that lets one node migrate at a time. */
const MIGRATION_LOCK = 0x706c656e; // "plen"

/**
 * Brings the schema up to date. Several nodes may start at once: each takes the same advisory lock
 * inside its transaction, so one migrates while the others wait and then find nothing left to do.
 */
export async function migrate(client: PoolClient): Promise<number[]> {
  const ran: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS plenary_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM plenary_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO plenary_migrations (version) VALUES ($1)', [version]);
      ran.push(version);
    }
    await client.query('COMMIT');
    return ran;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
