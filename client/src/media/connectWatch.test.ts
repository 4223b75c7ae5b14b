import { describe, expect, it } from 'vitest';
import { BLOCKED_AFTER_MS, ConnectWatch, nextConnectStep, RELAY_ONLY_AFTER_MS } from './connectWatch.ts';

const base = { since: 1_000, connected: false, relayOnly: false, relayAvailable: true, toldBlocked: false };

describe('nextConnectStep', () => {
  it('waits for the first ICE start, and does nothing once through or told', () => {
    expect(nextConnectStep({ ...base, since: null }, 50_000)).toEqual({ kind: 'idle' });
    expect(nextConnectStep({ ...base, connected: true }, 50_000)).toEqual({ kind: 'idle' });
    expect(nextConnectStep({ ...base, relayOnly: true, toldBlocked: true }, 50_000)).toEqual({ kind: 'idle' });
  });

  it('tries relay-only first when TURN is on hand, then tells the person before 10 s', () => {
    expect(nextConnectStep(base, 2_000)).toEqual({ kind: 'waitUntil', at: 1_000 + RELAY_ONLY_AFTER_MS });
    expect(nextConnectStep(base, 1_000 + RELAY_ONLY_AFTER_MS)).toEqual({ kind: 'rebuildRelayOnly' });
    const relayed = { ...base, relayOnly: true };
    expect(nextConnectStep(relayed, 6_000)).toEqual({ kind: 'waitUntil', at: 1_000 + BLOCKED_AFTER_MS });
    expect(nextConnectStep(relayed, 1_000 + BLOCKED_AFTER_MS)).toEqual({ kind: 'tellBlocked' });
    expect(BLOCKED_AFTER_MS).toBeLessThan(10_000);
  });

  it('without TURN goes straight to telling the person', () => {
    const direct = { ...base, relayAvailable: false };
    expect(nextConnectStep(direct, 5_000)).toEqual({ kind: 'waitUntil', at: 1_000 + BLOCKED_AFTER_MS });
    expect(nextConnectStep(direct, 1_000 + BLOCKED_AFTER_MS)).toEqual({ kind: 'tellBlocked' });
  });
});

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = 0;
  let timers: Array<{ at: number; run: () => void }> = [];
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((other) => other !== timer);
      };
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

function watched(relayAvailable: boolean) {
  const time = fakeTime();
  const told: string[] = [];
  const watch = new ConnectWatch({
    now: time.now,
    setTimer: time.setTimer,
    rebuildRelayOnly: () => told.push(`relay-only at ${time.now()}`),
    tellBlocked: () => told.push(`blocked at ${time.now()}`),
    connected: (relayOnly) => told.push(`connected${relayOnly ? ' relayed' : ''} at ${time.now()}`),
  });
  watch.building(relayAvailable);
  return { time, told, watch };
}

describe('ConnectWatch', () => {
  it('rebuilds relay-only at 4 s and tells the person at 9 s when nothing gets through', () => {
    const { time, told, watch } = watched(true);
    time.advance(30_000); // nothing to send or receive yet: no ICE, no clock
    expect(told).toEqual([]);
    watch.connecting();
    time.advance(RELAY_ONLY_AFTER_MS);
    expect(told).toEqual(['relay-only at 34000']);
    watch.building(true);
    watch.connecting(); // the relay-only transports start: the clock runs on from the first attempt
    time.advance(BLOCKED_AFTER_MS);
    expect(told).toEqual(['relay-only at 34000', 'blocked at 39000']);
    expect(watch.relayOnly).toBe(true);
  });

  it('says when relayed media gets through, and stops the clock', () => {
    const { time, told, watch } = watched(true);
    watch.connecting();
    time.advance(RELAY_ONLY_AFTER_MS + 500);
    watch.connected();
    time.advance(60_000);
    expect(told).toEqual(['relay-only at 4000', 'connected relayed at 4500']);
  });

  it('stays quiet when media gets through directly in time', () => {
    const { time, told, watch } = watched(true);
    watch.connecting();
    time.advance(1_000);
    watch.connected();
    time.advance(60_000);
    expect(told).toEqual([]);
  });

  it('without TURN tells the person at 9 s, and starts over in a new room', () => {
    const { time, told, watch } = watched(false);
    watch.connecting();
    time.advance(BLOCKED_AFTER_MS);
    expect(told).toEqual(['blocked at 9000']);
    watch.reset();
    watch.building(false);
    watch.connecting();
    time.advance(BLOCKED_AFTER_MS - 1);
    expect(told).toHaveLength(1);
  });
});
