import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SqliteWrites, type Write } from './writes.ts';

const fresh = () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'plenary-writes-')), 'plenary.db'));
  return { db, writes: new SqliteWrites(db) };
};
const create: Write = { kind: 'create', workshopId: 'w1', title: 'A', state: '{}', at: 1 };
const append = (revision: number): Write => ({ kind: 'append', workshopId: 'w1', revision, command: '{}', at: 2 });
const revisions = (db: ReturnType<typeof fresh>['db']) =>
  db.prepare('SELECT revision FROM workshop_commands ORDER BY revision').pluck().all();

describe('SqliteWrites: one commit for a batch of writes', () => {
  it('answers each write of a batch on its own: a refused one leaves no trace, the others are stored', () => {
    const { db, writes } = fresh();
    const replies = writes.commit([
      { seq: 1, write: create },
      { seq: 2, write: append(1) },
      { seq: 3, write: append(1) },
      { seq: 4, write: { kind: 'appendNote', docKey: 'w1/plenary', update: new Uint8Array([1, 2]) } },
      { seq: 5, write: { kind: 'create', workshopId: 'w1', title: 'again', state: '{}', at: 3 } },
      { seq: 6, write: append(2) },
    ]);
    expect(replies.map((reply) => [reply.seq, reply.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
      [5, false],
      [6, true],
    ]);
    expect(replies[2]).toMatchObject({ failure: { kind: 'revisionConflict', expected: 0, actual: 1 } });
    expect(replies[3]).toMatchObject({ value: 1 });
    expect(revisions(db)).toEqual([1, 2]);
    expect(db.prepare('SELECT title FROM workshops').pluck().all()).toEqual(['A']);
  });

  it('stores nothing of a batch whose commit fails, and says so for every write in it', () => {
    const { db, writes } = fresh();
    writes.commit([{ seq: 1, write: create }]);
    // Another connection holds the write lock past the busy timeout: the batch cannot commit.
    const other = openDatabase(db.name);
    other.pragma('busy_timeout = 0');
    db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    const replies = writes.commit([
      { seq: 2, write: append(1) },
      { seq: 3, write: append(2) },
    ]);
    other.exec('ROLLBACK');
    expect(replies).toEqual([
      { seq: 2, ok: false, failure: { kind: 'failed', message: 'database is locked' } },
      { seq: 3, ok: false, failure: { kind: 'failed', message: 'database is locked' } },
    ]);
    expect(revisions(db)).toEqual([]);
  });
});
