/**
 * Schema changes in order; `PRAGMA user_version` records how many have run. Append, never edit:
 * a database in the field has already run the old ones.
 */
export const migrations: string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     revision INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE workshop_commands (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     revision INTEGER NOT NULL,
     command TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (workshop_id, revision)
   ) WITHOUT ROWID;
   CREATE TABLE workshop_snapshots (
     workshop_id TEXT NOT NULL REFERENCES workshops(id),
     revision INTEGER NOT NULL,
     state TEXT NOT NULL,
     PRIMARY KEY (workshop_id, revision)
   ) WITHOUT ROWID;`,
  `CREATE TABLE note_updates (
     doc_key TEXT NOT NULL,
     seq INTEGER NOT NULL,
     update_data BLOB NOT NULL,
     PRIMARY KEY (doc_key, seq)
   ) WITHOUT ROWID;`,
];
