import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/sqlite/sqliteStore.ts';
import { NotesHub } from './notesHub.ts';

const logger = pino({ level: 'silent' });
const file = () => join(mkdtempSync(join(tmpdir(), 'plenary-notes-')), 'plenary.db');

/** A client-side document that records the updates it produces. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, text: doc.getText('notes'), updates };
}

describe('NotesHub', () => {
  it('merges two writers and keeps every stored update across a restart', async () => {
    const path = file();
    const hub = new NotesHub(await SqliteStore.open(path), logger, { compactEvery: 3 });
    const ana = editor();
    const ben = editor();
    ana.text.insert(0, 'Challenges: ');
    ben.text.insert(0, 'Water. ');
    ana.text.insert(ana.text.length, 'funding');
    ben.text.insert(ben.text.length, 'Trends: ');
    for (const update of [...ana.updates, ...ben.updates]) await hub.apply('w/plenary', update);

    const restarted = new NotesHub(await SqliteStore.open(path), logger);
    const loaded = await restarted.snapshot('w/plenary');
    for (const update of [...ana.updates, ...ben.updates]) Y.applyUpdate(ana.doc, update);
    expect(loaded.getText('notes').toString()).toBe(ana.text.toString());
    expect(loaded.getText('notes').toString()).toContain('funding');
  });

  it('sends a returning client exactly what it missed while offline', async () => {
    const hub = new NotesHub(await SqliteStore.open(file()), logger);
    const online = editor();
    online.text.insert(0, 'agreed: three proposals');
    for (const update of online.updates) await hub.apply('w/g1', update);

    const offline = editor();
    offline.text.insert(0, 'offline line. ');
    const { update, stateVector } = await hub.diff('w/g1', Y.encodeStateVector(offline.doc));
    Y.applyUpdate(offline.doc, update);
    await hub.apply('w/g1', Y.encodeStateAsUpdate(offline.doc, stateVector));
    const merged = (await hub.snapshot('w/g1')).getText('notes').toString();
    expect(merged).toContain('offline line. ');
    expect(merged).toContain('agreed: three proposals');
    expect(offline.text.toString()).toBe(merged);
  });

  it('refuses bytes that are not a Yjs update, storing nothing', async () => {
    const store = await SqliteStore.open(file());
    const hub = new NotesHub(store, logger);
    await expect(hub.apply('w/g1', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(hub.diff('w/g1', new Uint8Array([255, 255, 255]))).rejects.toMatchObject({ code: 'invalid_payload' });
    expect((await store.loadNoteUpdates('w/g1')).updates).toEqual([]);
  });

  it('unloads an idle document after compacting it into one update', async () => {
    const store = await SqliteStore.open(file());
    const hub = new NotesHub(store, logger, { idleMs: 10 });
    const writer = editor();
    for (const word of ['one ', 'two ', 'three ']) writer.text.insert(writer.text.length, word);
    await hub.open('w/g2');
    for (const update of writer.updates) await hub.apply('w/g2', update);
    hub.release('w/g2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stored = await store.loadNoteUpdates('w/g2');
    expect(stored.updates).toHaveLength(1);
    const reloaded = await hub.snapshot('w/g2');
    expect(reloaded.getText('notes').toString()).toBe('one two three ');
  });
});

describe('NotesHub copies on several nodes sharing a store', () => {
  /** Two nodes' hubs over one database; each tells the other what it stored, as the cluster does. */
  async function twoNodes(options: { compactEvery?: number; deliver?: boolean } = {}) {
    const path = file();
    const nodes: NotesHub[] = [];
    const tell = (from: number) => (docKey: string, seq: number, update: Uint8Array) => {
      if (options.deliver !== false) void nodes[1 - from]?.received(docKey, seq, update);
    };
    for (const index of [0, 1]) {
      nodes.push(
        new NotesHub(await SqliteStore.open(path), logger, {
          shared: true,
          compactEvery: options.compactEvery ?? 500,
          onStored: tell(index),
        }),
      );
    }
    return { a: nodes[0] as NotesHub, b: nodes[1] as NotesHub, path };
  }

  const textOf = async (hub: NotesHub, docKey: string) => (await hub.snapshot(docKey)).getText('notes').toString();

  it('apply what the other node stored, in whatever order it arrives', async () => {
    const { a, b } = await twoNodes();
    await b.open('w/plenary');
    const ana = editor();
    ana.text.insert(0, 'Water. ');
    ana.text.insert(ana.text.length, 'Funding.');
    for (const update of ana.updates) await a.apply('w/plenary', update);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await textOf(b, 'w/plenary')).toBe('Water. Funding.');
  });

  it('give a client everything stored anywhere, even when word of it was lost', async () => {
    const { a, b } = await twoNodes({ deliver: false });
    await b.open('w/plenary');
    const ana = editor();
    ana.text.insert(0, 'Agreed.');
    for (const update of ana.updates) await a.apply('w/plenary', update);
    const newcomer = new Y.Doc();
    const { update } = await b.diff('w/plenary', Y.encodeStateVector(newcomer));
    Y.applyUpdate(newcomer, update);
    expect(newcomer.getText('notes').toString()).toBe('Agreed.');
  });

  it('lose nothing when both nodes write and compact the same document', async () => {
    const { a, b, path } = await twoNodes({ compactEvery: 3, deliver: false });
    const ana = editor();
    const ben = editor();
    for (let index = 0; index < 12; index++) {
      ana.text.insert(ana.text.length, `a${index} `);
      ben.text.insert(ben.text.length, `b${index} `);
    }
    await Promise.all([
      (async () => {
        for (const update of ana.updates) await a.apply('w/g1', update);
      })(),
      (async () => {
        for (const update of ben.updates) await b.apply('w/g1', update);
      })(),
    ]);
    await Promise.all([a.closeAll(), b.closeAll()]); // unloading compacts once more
    const merged = new Y.Doc();
    for (const update of [...ana.updates, ...ben.updates]) Y.applyUpdate(merged, update);
    const everything = merged.getText('notes').toString();
    expect(everything).toContain('a11 ');
    // a third node starting on the shared database has both writers' every word
    const third = new NotesHub(await SqliteStore.open(path), logger);
    expect(await textOf(third, 'w/g1')).toBe(everything);
  });
});
