// Breakout move: 500 delegates in one workshop, a facilitator opens a set of 50 rooms; how long until
// the last delegate is told its new room. Every delegate needs two messages for that: the workshop
// change (its revision says the set is open) and its own `roomChanged`. Baseline: a bare Socket.IO
// server doing the same, one broadcast of a message the size of Plenary's workshop change and then a
// message the size of Plenary's `roomChanged` to each of the 500 sockets, one by one. Plenary sends
// the members of one room a shared `roomChanged` (one encoding per room), so a second, stricter
// baseline does that too: one message per room (reported for information).
// Before each opening, every client has taken in the previous change, so no round pays for the last;
// Plenary's openings and the baseline's alternate, so both meet the same load on a shared machine.

import { command, startTestServer } from '@plenary/server/testing';
import { Fact, type RoomChanged, type RoomId, type WorkshopChange } from '@plenary/shared';
import { connectBare, connectMany, startBareServer } from './lib/bareIo.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { median, until } from './lib/stats.ts';

const DELEGATES = 500;
const ROOMS = 50;
const REPEATS = 7;
const GOAL_RATIO = 2;
const GOAL_MS = 300;
const WAIT_MS = 60_000;

export async function run(): Promise<Result> {
  const plenary = await preparePlenary();
  const samples: number[] = [];
  const acks: number[] = [];
  const baseline: number[] = [];
  const perRoom: number[] = [];
  let bare: Awaited<ReturnType<typeof prepareBaseline>> | undefined;
  try {
    bare = await prepareBaseline(plenary.sample, plenary.change);
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const measured = await plenary.repeat(repeat + 1);
      samples.push(measured.ms);
      acks.push(measured.ackMs);
      baseline.push(await bare.repeat('open'));
      perRoom.push(await bare.repeat('openPerRoom'));
    }
  } finally {
    await Promise.all([plenary.close(), bare?.close()]);
  }
  const value = median(samples);
  const base = median(baseline);
  const ratio = ratioOf(value, base);
  const strict = median(perRoom);
  const strictRatio = ratioOf(value, strict);
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
      {
        benchmark: 'breakout move',
        metric: 'the same, against a bare server sending one message per room',
        value: round(value),
        unit: 'ms',
        baseline: round(strict),
        ratio: strictRatio && round(strictRatio, 2),
        goal: '—',
        status: 'info',
      },
    ],
    details: {
      delegates: DELEGATES,
      rooms: ROOMS,
      plenaryMs: samples.map((sample) => round(sample)),
      commandAckMs: acks.map((sample) => round(sample)),
      baselineMs: baseline.map((sample) => round(sample)),
      perRoomBaselineMs: perRoom.map((sample) => round(sample)),
      roomChangedBytes: JSON.stringify(plenary.sample).length,
      workshopChangeBytes: JSON.stringify(plenary.change).length,
    },
  };
}

async function preparePlenary() {
  // The reconnect grace outlasts the population trick in `populate`.
  const server = await startTestServer({ reconnectGraceMs: 600_000 });
  const arrivedAt = new Float64Array(DELEGATES);
  const roomOf: Array<RoomId | null> = new Array(DELEGATES).fill(null);
  const revisionOf = new Float64Array(DELEGATES);
  let sample: RoomChanged | undefined;
  let change: WorkshopChange | undefined;
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
  const close = async () => {
    population.close();
    await server.close();
  };
  try {
    const { chair, delegates, workshopId } = population;
    const settled = (revision: number) =>
      until(() => revisionOf.every((seen) => seen >= revision), 'every delegate to take in the last change', WAIT_MS);
    const roomNames = Array.from({ length: ROOMS }, (_, index) => `Group ${index + 1}`);
    await command(chair.client, { type: 'breakouts.createSet', name: 'Bench', roomNames });
    const workshop = await server.app.workshops.get(workshopId);
    const setId = workshop?.state.breakouts.sets[0]?.id;
    if (!workshop || !setId) throw new Error('no breakout set');

    /** Assigns everyone afresh, then times one opening; closes the rooms again afterwards. */
    const repeat = async (seed: number) => {
      await settled(await command(chair.client, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed }));
      const assignments = workshop.state.breakouts.sets[0]?.assignments ?? {};
      const expected = delegates.map((delegate) => assignments[delegate.joined.self.id] ?? null);
      if (expected.some((room) => room === null)) throw new Error('a delegate was not assigned');
      arrivedAt.fill(0);
      const sentAt = performance.now();
      const acked = command(chair.client, { type: 'breakouts.open', setId, durationMs: 3_600_000 }).then(
        () => performance.now() - sentAt,
      );
      await until(() => roomOf.every((room, index) => room === expected[index]), 'every delegate in its room', WAIT_MS);
      const ms = Math.max(...arrivedAt) - sentAt;
      const ackMs = await acked;
      const closed = await command(chair.client, { type: 'breakouts.close' });
      await until(() => roomOf.every((room) => room === 'plenary'), 'every delegate back in the plenary', WAIT_MS);
      await settled(closed);
      return { ms, ackMs };
    };
    // An untimed opening shows what a delegate receives, which the baseline then sends.
    await repeat(0);
    if (!sample || !change) throw new Error('no breakout roomChanged or opening seen');
    return { repeat, sample, change, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function prepareBaseline(payload: RoomChanged, change: WorkshopChange) {
  let connected = 0;
  const server = await startBareServer((socket, io) => {
    // Each client is in one of the rooms, as the delegates are in Plenary.
    void socket.join(`room ${connected++ % ROOMS}`);
    socket.on('open', (ack: () => void) => {
      io.except(socket.id).emit('changed', change);
      for (const other of io.of('/').sockets.values()) if (other !== socket) other.emit('moved', payload);
      ack();
    });
    socket.on('openPerRoom', (ack: () => void) => {
      io.except(socket.id).emit('changed', change);
      for (let room = 0; room < ROOMS; room++) io.to(`room ${room}`).except(socket.id).emit('moved', payload);
      ack();
    });
  });
  const arrivedAt = new Float64Array(DELEGATES);
  let received = 0;
  const clients = await connectMany(server.url, DELEGATES, (client, index) => {
    client.on('moved', () => {
      arrivedAt[index] = performance.now();
      received += 1;
    });
  });
  const trigger = await connectBare(server.url);
  return {
    repeat: async (how: 'open' | 'openPerRoom') => {
      received = 0;
      const sentAt = performance.now();
      trigger.emit(how, () => {});
      await until(() => received === DELEGATES, 'every bare client to receive', WAIT_MS);
      return Math.max(...arrivedAt) - sentAt;
    },
    close: async () => {
      for (const client of [trigger, ...clients]) client.disconnect();
      await server.close();
    },
  };
}
