// The store contract (the same tests SQLite passes) against a real PostgreSQL, plus what only
// several nodes sharing one database can show: migrations started by two nodes at once.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { describeWorkshopStoreContract } from '../../src/store/contract.ts';
import { migrations } from '../../src/store/postgres/migrations.ts';
import { PostgresStore } from '../../src/store/postgres/postgresStore.ts';
import { createDatabase } from '../engines.ts';

const freshDatabase = () => createDatabase(inject('postgresUrl'), `store_${randomUUID().replaceAll('-', '')}`);

describeWorkshopStoreContract('PostgreSQL', async () => {
  const url = await freshDatabase();
  const store = await PostgresStore.connect(url);
  return {
    store,
    reopen: async () => {
      await store.close();
      return PostgresStore.connect(url);
    },
    another: () => PostgresStore.connect(url),
  };
});

describe('PostgreSQL migrations', () => {
  it('run once when several nodes start at the same moment', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.connect(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const applied = await client.query<{ version: number }>('SELECT version FROM plenary_migrations ORDER BY version');
    await client.end();
    expect(applied.rows.map((row) => row.version)).toEqual(migrations.map((_, index) => index + 1));
    await Promise.all(stores.map((store) => store.close()));
  });

  it('keeps a string with a NUL character and large timestamps exactly as written', async () => {
    const store = await PostgresStore.connect(await freshDatabase());
    const id = 'w-nul' as never;
    await store.create(id, 'NUL', { n: 0 }, 1_900_000_000_000);
    await store.append(id, 1, { text: 'a\u0000b', nested: { z: 1, a: [2, 1] } }, 1_900_000_000_001);
    expect((await store.load(id))?.commands).toEqual([
      { revision: 1, command: { text: 'a\u0000b', nested: { z: 1, a: [2, 1] } }, at: 1_900_000_000_001 },
    ]);
    expect((await store.list())[0]?.createdAt).toBe(1_900_000_000_000);
    await store.close();
  });
});
