import type { WorkshopId } from '@plenary/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqliteStore.ts';
import { type Domain, replay, WorkshopSession } from './workshopSession.ts';

// A toy domain: a counter that refuses to go negative, and rings once when `alarmAt` passes.
interface Counter {
  revision: number;
  value: number;
  alarmAt: number | null;
  rang: number;
}
type CounterCommand = { type: 'add'; amount: number } | { type: 'setAlarm'; at: number } | { type: 'ring' };
const counterDomain: Domain<Counter, CounterCommand, string> = {
  decide(state, command) {
    switch (command.type) {
      case 'add':
        if (state.value + command.amount < 0) return { ok: false, error: { code: 'conflict', message: 'negative' } };
        return {
          ok: true,
          state: { ...state, revision: state.revision + 1, value: state.value + command.amount },
          events: ['added'],
        };
      case 'setAlarm':
        return { ok: true, state: { ...state, revision: state.revision + 1, alarmAt: command.at }, events: [] };
      case 'ring':
        return {
          ok: true,
          state: { ...state, revision: state.revision + 1, alarmAt: null, rang: state.rang + 1 },
          events: ['rang'],
        };
    }
  },
  nextDeadline: (state) => (state.alarmAt === null ? null : { at: state.alarmAt, command: { type: 'ring' } }),
};

const id = 'w1' as WorkshopId;
const initial: Counter = { revision: 0, value: 0, alarmAt: null, rang: 0 };

function sessionOn(store: SqliteStore, state: Counter, changes: string[][] = []) {
  return new WorkshopSession({
    id,
    state,
    revisionOf: (counter) => counter.revision,
    domain: counterDomain,
    store,
    logger: pino({ level: 'silent' }),
    now: () => Date.now(),
    onChange: (change) => changes.push(change.events),
    snapshotEvery: 3,
  });
}

async function openSession() {
  const store = new SqliteStore(':memory:');
  await store.create(id, 'toy', initial, 0);
  const changes: string[][] = [];
  return { store, session: sessionOn(store, initial, changes), changes };
}

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
    expect(session.state.rang).toBe(1);
    expect(changes.at(-1)).toEqual(['rang']);

    // A restarted server builds a session from stored state whose deadline already passed: it fires at once.
    await session.execute({ type: 'setAlarm', at: 2_000 });
    session.close();
    const stored = await store.load(id);
    const resumed = sessionOn(store, replay(counterDomain, stored?.snapshot.state as Counter, stored?.commands ?? []));
    expect(resumed.state.rang).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
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
    expect(session.state.rang).toBe(1);
    session.close();
  });
});
