import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { describeWorkshopStoreContract } from '../contract.ts';
import { SqliteStore } from './sqliteStore.ts';
import { openDatabase } from './writes.ts';

describeWorkshopStoreContract('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-store-')), 'plenary.db');
  const store = await SqliteStore.open(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      return SqliteStore.open(file);
    },
    another: () => SqliteStore.open(file),
  };
});

describe('SqliteStore writer thread', () => {
  it('keeps the main thread turning while a write waits for the disk, and resolves once it is stored', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-store-')), 'plenary.db');
    const store = await SqliteStore.open(file);
    await store.create('w1' as WorkshopId, 'A', {}, 1);
    // Another process holds the write lock: the writer thread waits for it (busy timeout).
    const other = openDatabase(file);
    other.exec('BEGIN IMMEDIATE');
    let stored = false;
    const appended = store.append('w1' as WorkshopId, 1, { type: 'one' }, 2).then(() => {
      stored = true;
    });
    let ticks = 0;
    while (ticks < 5) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ticks += 1;
    }
    expect(stored).toBe(false);
    other.exec('COMMIT');
    await appended;
    expect((await store.load('w1' as WorkshopId))?.commands).toEqual([
      { revision: 1, command: { type: 'one' }, at: 2 },
    ]);
    other.close();
    await store.close();
  });

  it('refuses writes after close with a clear error', async () => {
    const store = await SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'plenary-store-')), 'plenary.db'));
    await store.close();
    await expect(store.create('w1' as WorkshopId, 'A', {}, 1)).rejects.toThrow('the store is closed');
  });
});
