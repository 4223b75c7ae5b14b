// Notes round trip: 70 editors over 10 documents (7 per breakout room's notes). One editor of each
// room types; the time until each of the other six has the update, p50/p99 (goal p99 ≤ 100 ms).
// Baseline: a bare Socket.IO server relaying the same bytes to the same rooms, in the same run.
import { command, startTestServer, type TestClient } from '@plenary/server/testing';
import { Command, Fact, type RoomId } from '@plenary/shared';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { connectMany, startBareServer } from './lib/bareIo.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { quantile, until } from './lib/stats.ts';

const EDITORS = 70;
const ROOMS = 10;
const ROUNDS = 30;

interface Editor {
  room: number;
  doc: Y.Doc;
}

/** Each round: the round's writer in every room types a word; every other editor's arrival is timed. */
async function measure(
  send: (editor: number, update: Uint8Array) => void,
  arrivals: Map<number, number[]>,
  editors: Editor[],
): Promise<number[]> {
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sentAt = new Map<number, number>();
    for (let room = 0; room < ROOMS; room++) {
      const members = editors.map((editor, index) => ({ editor, index })).filter(({ editor }) => editor.room === room);
      const writer = members[round % members.length];
      if (!writer) continue;
      const doc = writer.editor.doc;
      let update: Uint8Array | null = null;
      doc.once('update', (bytes: Uint8Array) => {
        update = bytes;
      });
      doc.getText('notes').insert(doc.getText('notes').length, `w${round} `);
      sentAt.set(room, performance.now());
      if (update) send(writer.index, update);
    }
    const expected = editors.length - ROOMS;
    await until(
      () => [...arrivals.values()].reduce((sum, list) => sum + list.length, 0) >= expected,
      'updates',
      10_000,
    );
    for (const [index, times] of arrivals) {
      const start = sentAt.get(editors[index]?.room ?? -1);
      if (start !== undefined) for (const at of times) latencies.push(at - start);
    }
    arrivals.clear();
  }
  return latencies;
}

export async function run(): Promise<Result> {
  const editors: Editor[] = Array.from({ length: EDITORS }, (_, index) => ({ room: index % ROOMS, doc: new Y.Doc() }));

  // Plenary: delegates assigned to 10 rooms, each following its room's notes.
  const server = await startTestServer();
  const arrivals = new Map<number, number[]>();
  const record = (index: number) => arrivals.set(index, [...(arrivals.get(index) ?? []), performance.now()]);
  const workshop = await populate(server.url, EDITORS, (client: TestClient, index) => {
    client.on(Fact.notesUpdated, () => record(index));
  });
  await command(workshop.chair.client, {
    type: 'breakouts.createSet',
    name: 'Groups',
    roomNames: Array.from({ length: ROOMS }, (_, i) => `Group ${i + 1}`),
  });
  const setId = (await server.app.workshops.get(workshop.workshopId))?.state.breakouts.sets[0]?.id as string;
  // One command for all 70 (a chair assigning them one by one would meet the rate limit).
  await command(workshop.chair.client, { type: 'breakouts.autoAssign', setId, strategy: 'random', seed: 1 });
  const set = (await server.app.workshops.get(workshop.workshopId))?.state.breakouts.sets[0];
  if (!set) throw new Error('no set');
  const roomIds = set.rooms.map((room) => room.id) as RoomId[];
  const roomOf = workshop.delegates.map((delegate) => set.assignments[delegate.joined.self.id] as RoomId);
  for (const [index, delegate] of workshop.delegates.entries()) {
    (editors[index] as Editor).room = roomIds.indexOf(roomOf[index] as RoomId);
    const roomId = roomOf[index] as RoomId;
    const opened = await delegate.client.emitWithAck(Command.notesOpen, { roomId, stateVector: new Uint8Array([0]) });
    if (!opened.ok) throw new Error(opened.error.message);
  }
  const plenary = await measure(
    (index, update) => {
      void workshop.delegates[index]?.client.emitWithAck(Command.notesUpdate, {
        roomId: roomOf[index] as RoomId,
        update,
      });
    },
    arrivals,
    editors,
  );
  workshop.close();
  await server.close();

  // Baseline: the same bytes relayed to the same rooms by a bare server.
  const bare = await startBareServer((socket) => {
    socket.on('join', (room: string) => void socket.join(room));
    socket.on('update', (room: string, update: Uint8Array, ack: () => void) => {
      socket.to(room).emit('update', update);
      ack();
    });
  });
  const bareEditors: Editor[] = Array.from({ length: EDITORS }, (_, index) => ({
    room: index % ROOMS,
    doc: new Y.Doc(),
  }));
  const clients: Socket[] = await connectMany(bare.url, EDITORS, (client, index) => {
    client.on('update', () => record(index));
    client.emit('join', `room-${index % ROOMS}`);
  });
  const baseline = await measure(
    (index, update) => void clients[index]?.emitWithAck('update', `room-${index % ROOMS}`, update),
    arrivals,
    bareEditors,
  );
  for (const client of clients) client.disconnect();
  await bare.close();

  const p99 = round(quantile(plenary, 0.99));
  const baseP99 = round(quantile(baseline, 0.99));
  return {
    name: 'notes',
    rows: [
      {
        benchmark: 'notes round trip',
        metric: `${EDITORS} editors, ${ROOMS} documents: p50 edit → other editors`,
        value: round(quantile(plenary, 0.5)),
        unit: 'ms',
        baseline: round(quantile(baseline, 0.5)),
        ratio: round(ratioOf(quantile(plenary, 0.5), quantile(baseline, 0.5)) ?? 0, 2),
        goal: 'info',
        status: 'info',
      },
      {
        benchmark: 'notes round trip',
        metric: `${EDITORS} editors, ${ROOMS} documents: p99 edit → other editors`,
        value: p99,
        unit: 'ms',
        baseline: baseP99,
        ratio: round(ratioOf(p99, baseP99) ?? 0, 2),
        goal: '≤ 100 ms',
        status: verdict(p99 <= 100),
        note: 'stored before it is relayed',
      },
    ],
    details: {
      editors: EDITORS,
      rooms: ROOMS,
      rounds: ROUNDS,
      samples: plenary.length,
      baselineSamples: baseline.length,
    },
  };
}
