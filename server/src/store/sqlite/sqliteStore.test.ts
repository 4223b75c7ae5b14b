import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWorkshopStoreContract } from '../contract.ts';
import { SqliteStore } from './sqliteStore.ts';

describeWorkshopStoreContract('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-store-')), 'plenary.db');
  const store = new SqliteStore(file);
  return {
    store,
    reopen: async () => {
      await store.close();
      return new SqliteStore(file);
    },
    another: async () => new SqliteStore(file),
  };
});
