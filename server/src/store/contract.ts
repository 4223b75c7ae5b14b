import type { WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { RevisionConflictError, type Store } from './store.ts';

export interface StoreHarness {
  store: Store;
  /** closes the store and opens the same database again, as a restarted server would */
  reopen(): Promise<Store>;
  /** a second connection to the same database, as another server node would have (closed by the test) */
  another(): Promise<Store>;
}

const id = (value: string) => value as WorkshopId;

/** The behaviour every WorkshopStore implementation must have; each engine's test file runs it. */
export function describeWorkshopStoreContract(engine: string, open: () => Promise<StoreHarness>): void {
  describe(`WorkshopStore contract: ${engine}`, () => {
    it('creates a workshop at revision 0 and loads it back', async () => {
      const { store } = await open();
      await store.create(id('w1'), 'Regional workshop', { title: 'Regional workshop', revision: 0 }, 1000);
      const loaded = await store.load(id('w1'));
      expect(loaded).toEqual({
        id: 'w1',
        snapshot: { revision: 0, state: { title: 'Regional workshop', revision: 0 } },
        commands: [],
      });
      expect(await store.load(id('missing'))).toBeUndefined();
      await store.close();
    });

    it('refuses a second workshop with the same id', async () => {
      const { store } = await open();
      await store.create(id('w1'), 'A', {}, 1);
      await expect(store.create(id('w1'), 'B', {}, 2)).rejects.toThrow();
      expect((await store.list()).map((summary) => summary.title)).toEqual(['A']);
      await store.close();
    });

    it('appends commands strictly in revision order and refuses gaps or repeats', async () => {
      const { store } = await open();
      await store.create(id('w1'), 'A', {}, 1);
      await store.append(id('w1'), 1, { type: 'one' }, 10);
      await store.append(id('w1'), 2, { type: 'two' }, 11);
      await expect(store.append(id('w1'), 2, { type: 'again' }, 12)).rejects.toBeInstanceOf(RevisionConflictError);
      await expect(store.append(id('w1'), 4, { type: 'gap' }, 12)).rejects.toBeInstanceOf(RevisionConflictError);
      await expect(store.append(id('nope'), 1, {}, 12)).rejects.toThrow();
      const loaded = await store.load(id('w1'));
      expect(loaded?.commands).toEqual([
        { revision: 1, command: { type: 'one' }, at: 10 },
        { revision: 2, command: { type: 'two' }, at: 11 },
      ]);
      expect((await store.list())[0]?.revision).toBe(2);
      await store.close();
    });

    it('after a snapshot, loads the snapshot and only the commands after it', async () => {
      const { store } = await open();
      await store.create(id('w1'), 'A', { n: 0 }, 1);
      for (let revision = 1; revision <= 5; revision++) await store.append(id('w1'), revision, { add: 1 }, revision);
      await store.snapshot(id('w1'), 3, { n: 3 });
      await expect(store.snapshot(id('w1'), 9, { n: 9 })).rejects.toThrow();
      const loaded = await store.load(id('w1'));
      expect(loaded?.snapshot).toEqual({ revision: 3, state: { n: 3 } });
      expect(loaded?.commands.map((command) => command.revision)).toEqual([4, 5]);
      await store.close();
    });

    it('gives a copy behind the log what it lacks: the commands after it, or the snapshot that replaced them', async () => {
      const { store } = await open();
      await store.create(id('w1'), 'A', { n: 0 }, 1);
      for (let revision = 1; revision <= 5; revision++)
        await store.append(id('w1'), revision, { add: revision }, revision);
      expect(await store.loadSince(id('w1'), 3)).toEqual({
        snapshot: null,
        commands: [
          { revision: 4, command: { add: 4 }, at: 4 },
          { revision: 5, command: { add: 5 }, at: 5 },
        ],
      });
      expect(await store.loadSince(id('w1'), 5)).toEqual({ snapshot: null, commands: [] });
      await store.snapshot(id('w1'), 4, { n: 10 });
      // the commands up to 4 are gone: a copy at 2 must start again from the snapshot
      expect(await store.loadSince(id('w1'), 2)).toEqual({
        snapshot: { revision: 4, state: { n: 10 } },
        commands: [{ revision: 5, command: { add: 5 }, at: 5 }],
      });
      expect((await store.loadSince(id('w1'), 4))?.commands.map((command) => command.revision)).toEqual([5]);
      expect(await store.loadSince(id('missing'), 0)).toBeUndefined();
      await store.close();
    });

    it('lets exactly one of two connections append a revision when both try at once', async () => {
      const harness = await open();
      const other = await harness.another();
      await harness.store.create(id('w1'), 'A', {}, 1);
      for (let revision = 1; revision <= 10; revision++) {
        const outcomes = await Promise.allSettled([
          harness.store.append(id('w1'), revision, { by: 'first', revision }, revision),
          other.append(id('w1'), revision, { by: 'second', revision }, revision),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((outcome) => outcome.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(RevisionConflictError);
      }
      const seen = [await harness.store.load(id('w1')), await other.load(id('w1'))];
      expect(seen[0]?.commands.map((command) => command.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(seen[1]).toEqual(seen[0]);
      await other.close();
      await harness.store.close();
    });

    it('numbers note updates from two connections without gaps or repeats', async () => {
      const harness = await open();
      const other = await harness.another();
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 ? other : harness.store).appendNoteUpdate('w1/plenary', new Uint8Array([index])),
        ),
      );
      expect([...appended].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      const { updates, lastSeq } = await other.loadNoteUpdates('w1/plenary');
      expect(lastSeq).toBe(20);
      // each update sits at the number its append returned
      for (const [index, seq] of appended.entries()) expect(updates[seq - 1]).toEqual(new Uint8Array([index]));
      await other.close();
      await harness.store.close();
    });

    it('appends note updates per document in order, and compacts a prefix of them', async () => {
      const { store } = await open();
      const bytes = (...values: number[]) => new Uint8Array(values);
      expect(await store.appendNoteUpdate('w1/plenary', bytes(1))).toBe(1);
      expect(await store.appendNoteUpdate('w1/plenary', bytes(2, 2))).toBe(2);
      expect(await store.appendNoteUpdate('w1/group-1', bytes(9))).toBe(1);
      expect(await store.appendNoteUpdate('w1/plenary', bytes(3))).toBe(3);
      expect(await store.loadNoteUpdates('w1/plenary', 1)).toEqual({ updates: [bytes(2, 2), bytes(3)], lastSeq: 3 });
      expect(await store.loadNoteUpdates('w1/plenary', 3)).toEqual({ updates: [], lastSeq: 3 });
      expect(await store.loadNoteUpdates('w1/plenary')).toEqual({
        updates: [bytes(1), bytes(2, 2), bytes(3)],
        lastSeq: 3,
      });
      await store.compactNotes('w1/plenary', bytes(12), 2);
      await store.appendNoteUpdate('w1/plenary', bytes(4));
      expect(await store.loadNoteUpdates('w1/plenary')).toEqual({
        updates: [bytes(12), bytes(3), bytes(4)],
        lastSeq: 4,
      });
      expect(await store.loadNoteUpdates('w1/group-1')).toEqual({ updates: [bytes(9)], lastSeq: 1 });
      expect(await store.loadNoteUpdates('w1/empty')).toEqual({ updates: [], lastSeq: 0 });
      await store.close();
    });

    it('keeps everything it acknowledged across a reopen', async () => {
      const harness = await open();
      await harness.store.create(id('w1'), 'A', { n: 0 }, 1);
      await harness.store.append(id('w1'), 1, { text: 'ünïcode ✓ 会议' }, 2);
      await harness.store.appendNoteUpdate('w1/plenary', new Uint8Array([7, 7]));
      const reopened = await harness.reopen();
      expect((await reopened.loadNoteUpdates('w1/plenary')).updates).toEqual([new Uint8Array([7, 7])]);
      const loaded = await reopened.load(id('w1'));
      expect(loaded?.commands).toEqual([{ revision: 1, command: { text: 'ünïcode ✓ 会议' }, at: 2 }]);
      await reopened.close();
    });
  });
}
