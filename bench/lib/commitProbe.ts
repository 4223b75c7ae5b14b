import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Times one durable commit on the disk the benchmark's servers write to, the way Plenary's store
 * commits (SQLite, WAL, `synchronous = FULL`): every Plenary command waits for one before anyone
 * hears of it, and a bare baseline stores nothing. On a shared disk its tail explains Plenary's.
 */
export function commitProbe() {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-probe-'));
  const db = new Database(join(dir, 'probe.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE log (id INTEGER PRIMARY KEY, entry TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO log (entry) VALUES (?)');
  const entry = JSON.stringify({ type: 'queue.raiseHand', kind: 'new-point', padding: 'x'.repeat(120) });
  const commit = db.transaction(() => insert.run(entry));
  return {
    /** ms for one commit */
    sample(): number {
      const started = performance.now();
      commit();
      return performance.now() - started;
    },
    close(): void {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
