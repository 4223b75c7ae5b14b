import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkshopId } from '@plenary/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqliteStore.ts';
import { type Change, type Domain, replay, WorkshopSession } from './workshopSession.ts';

// A toy domain: a counter that refuses to go negative, and rings once when `alarmAt` passes.
interface Counter {
  revision: number;
  value: number;
  alarmAt: number | null;
  rang: number;
}
type CounterCommand = { type: 'add'; amount: number } | { type: 'setAlarm'; at: number } | { type: 'ring' };
const counterDomain: Domain<Counter, CounterCommand> = {
  decide(state, command) {
    switch (command.type) {
      case 'add':
        if (state.value + command.amount < 0) return { ok: false, error: { code: 'conflict', message: 'negative' } };
        return { ok: true, state: { ...state, revision: state.revision + 1, value: state.value + command.amount } };
      case 'setAlarm':
        return { ok: true, state: { ...state, revision: state.revision + 1, alarmAt: command.at } };
      case 'ring':
        if (state.alarmAt === null) return { ok: false, error: { code: 'conflict', message: 'no alarm set' } };
        return { ok: true, state: { ...state, revision: state.revision + 1, alarmAt: null, rang: state.rang + 1 } };
    }
  },
  nextDeadline: (state) => (state.alarmAt === null ? null : { at: state.alarmAt, command: { type: 'ring' } }),
};

/** What a listener reads off a change: the session hands it the states before and after. */
const whatChanged = ({ before, after }: Change<Counter>): string[] => {
  if (after.rang > before.rang) return ['rang'];
  return after.value === before.value ? [] : ['added'];
};

const id = 'w1' as WorkshopId;
const initial: Counter = { revision: 0, value: 0, alarmAt: null, rang: 0 };

function sessionOn(
  store: SqliteStore,
  state: Counter,
  changes: string[][] = [],
  onChange: (change: Change<Counter>) => void = () => undefined,
) {
  return new WorkshopSession({
    id,
    state,
    revisionOf: (counter) => counter.revision,
    domain: counterDomain,
    store,
    logger: pino({ level: 'silent' }),
    now: () => Date.now(),
    onChange: (change) => {
      changes.push(whatChanged(change));
      onChange(change);
    },
    snapshotEvery: 3,
  });
}

async function openSession() {
  const store = await SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'plenary-session-')), 'plenary.db'));
  await store.create(id, 'toy', initial, 0);
  const changes: string[][] = [];
  return { store, session: sessionOn(store, initial, changes), changes };
}

/**
 * Waits until the commands queued so far are stored and applied: fake timers stop the clock, not the
 * store's writer thread, so a fired deadline's write finishes in real time.
 */
const drained = (session: WorkshopSession<Counter, CounterCommand>) => session.catchUp();

afterEach(() => {
  vi.useRealTimers();
});

describe('WorkshopSession', () => {
  it('runs concurrent commands one at a time, storing each before anyone hears of it', async () => {
    const { store, session, changes } = await openSession();
    const results = await Promise.all([1, 2, 3, 4].map((amount) => session.execute({ type: 'add', amount })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(session.state.value).toBe(10);
    expect(changes).toEqual([['added'], ['added'], ['added'], ['added']]);
    const stored = await store.load(id);
    expect(stored?.snapshot.revision).toBe(3);
    expect(stored?.commands.map((entry) => entry.revision)).toEqual([4]);
    const rebuilt = replay(counterDomain, stored?.snapshot.state as Counter, stored?.commands ?? []);
    expect(rebuilt).toEqual(session.state);
  });

  it('stores nothing and changes nothing for a refused command', async () => {
    const { store, session, changes } = await openSession();
    const refused = await session.execute({ type: 'add', amount: -1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(session.state).toBe(initial);
    expect(changes).toEqual([]);
    expect((await store.load(id))?.commands).toEqual([]);
  });

  it('does not move on when the store fails, and keeps serving afterwards', async () => {
    const { store, session } = await openSession();
    const append = vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(session.execute({ type: 'add', amount: 5 })).rejects.toThrow('disk full');
    expect(session.state.value).toBe(0);
    append.mockRestore();
    expect((await session.execute({ type: 'add', amount: 2 })).ok).toBe(true);
    expect(session.state).toMatchObject({ value: 2, revision: 1 });
  });

  it('tells everyone before writing a snapshot, and a snapshot that fails loses nothing', async () => {
    const { store, session, changes } = await openSession();
    const told: number[] = [];
    vi.spyOn(store, 'snapshot').mockImplementation(async () => {
      told.push(changes.length);
      throw new Error('disk full');
    });
    for (const amount of [1, 2, 3, 4]) expect((await session.execute({ type: 'add', amount })).ok).toBe(true);
    expect(told).toEqual([3]);
    const stored = await store.load(id);
    const rebuilt = replay(counterDomain, stored?.snapshot.state as Counter, stored?.commands ?? []);
    expect(rebuilt).toEqual(session.state);
  });

  it('fires the next deadline through the domain, and re-arms after a restart', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const { store, session, changes } = await openSession();
    await session.execute({ type: 'setAlarm', at: 6_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(session.state.rang).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await drained(session);
    expect(session.state.rang).toBe(1);
    expect(changes.at(-1)).toEqual(['rang']);

    // A restarted server builds a session from stored state whose deadline already passed: it fires at once.
    await session.execute({ type: 'setAlarm', at: 2_000 });
    session.close();
    const stored = await store.load(id);
    const resumed = sessionOn(store, replay(counterDomain, stored?.snapshot.state as Counter, stored?.commands ?? []));
    expect(resumed.state.rang).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    await drained(resumed);
    expect(resumed.state.rang).toBe(2);
    resumed.close();
  });

  it('retries a scheduled command whose store write failed', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const { store, session } = await openSession();
    await session.execute({ type: 'setAlarm', at: 2_000 });
    const append = vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk busy'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(append).toHaveBeenCalledTimes(1);
    expect(session.state.rang).toBe(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(session.state.rang).toBe(0);
    // the retry is due now; let its store write and decision settle
    await vi.advanceTimersByTimeAsync(10);
    await drained(session);
    expect(session.state.rang).toBe(1);
    session.close();
  });
});

/** Two server nodes' copies of one workshop over one store, each reporting its changes. */
async function twoNodes() {
  const { store, session: first } = await openSession();
  const seen: Record<'first' | 'second', Array<Change<Counter>>> = { first: [], second: [] };
  const a = sessionOn(store, initial, [], (change) => seen.first.push(change));
  const b = sessionOn(store, initial, [], (change) => seen.second.push(change));
  first.close();
  return { store, a, b, seen };
}

describe('WorkshopSession copies on several nodes sharing a store', () => {
  it('decide each revision once, against the state before it, however commands interleave', async () => {
    const { store, a, b } = await twoNodes();
    expect((await a.execute({ type: 'add', amount: 1 })).ok).toBe(true);
    // b still thinks the value is 0; both try to take the one unit that is there
    const [fromA, fromB] = await Promise.all([
      a.execute({ type: 'add', amount: -1 }),
      b.execute({ type: 'add', amount: -1 }),
    ]);
    expect([fromA.ok, fromB.ok].filter(Boolean)).toHaveLength(1);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).execute({ type: 'add', amount: index })),
    );
    await Promise.all([a.catchUp(), b.catchUp()]);
    expect(a.state).toEqual(b.state);
    expect(a.state.value).toBe(190);
    const stored = await store.load(id);
    expect(replay(counterDomain, stored?.snapshot.state as Counter, stored?.commands ?? [])).toEqual(a.state);
  });

  it('replay what another node stored, reporting it as a replica change with its log entry', async () => {
    const { a, b, seen } = await twoNodes();
    await a.execute({ type: 'add', amount: 2 });
    const [entry] = seen.first.map((change) => change.entry);
    expect(seen.first[0]?.origin).toBe('local');
    if (!entry) throw new Error('no entry');
    await b.receive(entry);
    await b.receive(entry); // told twice: nothing happens the second time
    expect(b.state).toEqual(a.state);
    expect(seen.second.map((change) => [change.origin, change.entry?.revision, whatChanged(change)])).toEqual([
      ['replica', 1, ['added']],
    ]);
    // told of a later revision than the next one: reads the gap from the store
    await a.execute({ type: 'add', amount: 1 });
    await a.execute({ type: 'add', amount: 1 });
    const last = seen.first.at(-1)?.entry;
    if (!last) throw new Error('no entry');
    await b.receive(last);
    expect(b.state).toEqual(a.state);
    // (revision 3 was snapshotted, so the gap is read as that snapshot)
    expect(seen.second.map((change) => [change.entry?.revision ?? null, change.after.revision])).toEqual([
      [1, 1],
      [null, 3],
    ]);
  });

  it('jump to a newer snapshot when the commands they lack were folded into it', async () => {
    const { a, b, seen } = await twoNodes();
    for (let step = 0; step < 7; step++) await a.execute({ type: 'add', amount: 1 });
    await b.catchUp();
    expect(b.state).toEqual(a.state);
    // snapshots every 3 revisions removed 1–6 from the log: one jump, to the snapshot and past it
    expect(seen.second.map((change) => [change.entry, change.before.revision, change.after.revision])).toEqual([
      [null, 0, 7],
    ]);
  });

  it('take a deadline armed on both copies into effect once', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const { store, a, b } = await twoNodes();
    await a.execute({ type: 'setAlarm', at: 3_000 });
    await b.catchUp();
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all([a.catchUp(), b.catchUp()]);
    expect(a.state.rang).toBe(1);
    expect(b.state).toEqual(a.state);
    expect((await store.load(id))?.commands.map((entry) => (entry.command as CounterCommand).type)).toEqual([
      'setAlarm',
      'ring',
    ]);
    a.close();
    b.close();
  });
});
