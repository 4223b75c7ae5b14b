// Breakout move: 500 delegates in one workshop, a facilitator opens a set of 50 rooms; how long until
// the last delegate is told its new room. Every delegate needs two messages for that: the workshop
// change (its revision says the set is open) and its own `roomChanged`. Baseline: a bare Socket.IO
// server doing the same, one broadcast of a message the size of Plenary's workshop change and then a
// message the size of Plenary's `roomChanged` to each of the 500 sockets, one by one.
// Before each opening, every client has taken in the previous change, so no round pays for the last.

import { command, startTestServer } from '@plenary/server/testing';
import { Fact, type RoomChanged, type RoomId, type WorkshopChange } from '@plenary/shared';
import { connectBare, connectMany, startBareServer } from './lib/bareIo.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { median, until } from './lib/stats.ts';

const DELEGATES = 500;
const ROOMS = 50;
const REPEATS = 5;
const GOAL_RATIO = 2;
const GOAL_MS = 300;
const WAIT_MS = 60_000;

export async function run(): Promise<Result> {
  const plenary = await measurePlenary();
  const baseline = await measureBaseline(plenary.sample, plenary.change);
  const value = median(plenary.samples);
  const base = median(baseline);
  const ratio = ratioOf(value, base);
  return {
    name: 'breakout-move',
    rows: [
      {
        benchmark: 'breakout move',
        metric: `breakouts.open → last of ${DELEGATES} roomChanged (${ROOMS} rooms), median of ${REPEATS}`,
        value: round(value),
        unit: 'ms',
        baseline: round(base),
        ratio: ratio && round(ratio, 2),
        goal: `≤ ${GOAL_RATIO}× and ≤ ${GOAL_MS} ms`,
        status: verdict(ratio !== null && ratio <= GOAL_RATIO, value <= GOAL_MS),
      },
    ],
    details: {
      delegates: DELEGATES,
      rooms: ROOMS,
      plenaryMs: plenary.samples.map((sample) => round(sample)),
      commandAckMs: plenary.acks.map((sample) => round(sample)),
      baselineMs: baseline.map((sample) => round(sample)),
      roomChangedBytes: JSON.stringify(plenary.sample).length,
      workshopChangeBytes: JSON.stringify(plenary.change).length,
    },
  };
}

async function measurePlenary() {
  // The reconnect grace outlasts the population trick in `populate`.
  const server = await startTestServer({ reconnectGraceMs: 600_000 });
  const arrivedAt = new Float64Array(DELEGATES);
  const roomOf: Array<RoomId | null> = new Array(DELEGATES).fill(null);
  const revisionOf = new Float64Array(DELEGATES);
  let sample: RoomChanged | undefined;
  let change: WorkshopChange | undefined;
  try {
    const population = await populate(server.url, DELEGATES, (client, index) => {
      client.on(Fact.roomChanged, (roomChanged) => {
        arrivedAt[index] = performance.now();
        roomOf[index] = roomChanged.room?.roomId ?? null;
        if (roomChanged.room && roomChanged.room.roomId !== 'plenary') sample ??= roomChanged;
      });
      client.on(Fact.workshopChanged, (workshopChange) => {
        revisionOf[index] = workshopChange.revision;
        if (workshopChange.patches.breakouts?.open) change ??= workshopChange;
      });
    });
    const settled = (revision: number) =>
      until(() => revisionOf.every((seen) => seen >= revision), 'every delegate to take in the last change', WAIT_MS);
    const { chair, delegates, workshopId } = population;
    const roomNames = Array.from({ length: ROOMS }, (_, index) => `Group ${index + 1}`);
    await command(chair.client, { type: 'breakouts.createSet', name: 'Bench', roomNames });
    const state = async () => {
      const workshop = await server.app.workshops.get(workshopId);
      if (!workshop) throw new Error('workshop missing');
      return workshop.state;
    };
    const setId = (await state()).breakouts.sets[0]?.id;
    if (!setId) throw new Error('no breakout set');

    const samples: number[] = [];
    const acks: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      await settled(
        await command(chair.client, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed: repeat + 1 }),
      );
      const assignments = (await state()).breakouts.sets[0]?.assignments ?? {};
      const expected = delegates.map((delegate) => assignments[delegate.joined.self.id] ?? null);
      if (expected.some((room) => room === null)) throw new Error('a delegate was not assigned');
      arrivedAt.fill(0);
      const sentAt = performance.now();
      const acked = command(chair.client, { type: 'breakouts.open', setId, durationMs: 3_600_000 }).then(
        () => performance.now() - sentAt,
      );
      await until(() => roomOf.every((room, index) => room === expected[index]), 'every delegate in its room', WAIT_MS);
      samples.push(Math.max(...arrivedAt) - sentAt);
      acks.push(await acked);

      const closed = await command(chair.client, { type: 'breakouts.close' });
      await until(() => roomOf.every((room) => room === 'plenary'), 'every delegate back in the plenary', WAIT_MS);
      await settled(closed);
    }
    population.close();
    if (!sample || !change) throw new Error('no breakout roomChanged or opening seen');
    return { samples, acks, sample, change };
  } finally {
    await server.close();
  }
}

async function measureBaseline(payload: RoomChanged, change: WorkshopChange): Promise<number[]> {
  const server = await startBareServer((socket, io) => {
    socket.on('open', (ack: () => void) => {
      io.except(socket.id).emit('changed', change);
      for (const other of io.of('/').sockets.values()) if (other !== socket) other.emit('moved', payload);
      ack();
    });
  });
  const arrivedAt = new Float64Array(DELEGATES);
  let received = 0;
  try {
    const clients = await connectMany(server.url, DELEGATES, (client, index) => {
      client.on('moved', () => {
        arrivedAt[index] = performance.now();
        received += 1;
      });
    });
    const trigger = await connectBare(server.url);
    const samples: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      received = 0;
      const sentAt = performance.now();
      trigger.emit('open', () => {});
      await until(() => received === DELEGATES, 'every bare client to receive', WAIT_MS);
      samples.push(Math.max(...arrivedAt) - sentAt);
    }
    for (const client of [trigger, ...clients]) client.disconnect();
    return samples;
  } finally {
    await server.close();
  }
}
