// Fan-out: a delegate raises a hand and 300 delegates are told; per-client latency (arrival minus
// send, one process clock). Baseline: a bare Socket.IO `io.emit` of a payload of the same size.
// Each round starts once every client has taken in the lowering of the previous one.

import { command, startTestServer } from '@plenary/server/testing';
import { Fact, type WorkshopChange } from '@plenary/shared';
import { connectBare, connectMany, startBareServer } from './lib/bareIo.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { quantile, sleep, until } from './lib/stats.ts';

const CLIENTS = 300;
const ROUNDS = 50;
const GOAL_P99_RATIO = 1.5;
const WAIT_MS = 30_000;
/** The raiser sends two commands a round; this keeps it inside the server's per-connection rate limit. */
const MIN_ROUND_MS = 80;

export async function run(): Promise<Result> {
  const plenary = await measurePlenary();
  const baseline = await measureBaseline(plenary.sample);
  const p50 = quantile(plenary.latencies, 0.5);
  const p99 = quantile(plenary.latencies, 0.99);
  const baseP50 = quantile(baseline, 0.5);
  const baseP99 = quantile(baseline, 0.99);
  const p99Ratio = ratioOf(p99, baseP99);
  const p50Ratio = ratioOf(p50, baseP50);
  const metric = (q: string) => `queue.raiseHand → workshopChanged at ${CLIENTS} clients, ${q} of ${ROUNDS} rounds`;
  return {
    name: 'fan-out',
    rows: [
      {
        benchmark: 'fan-out',
        metric: metric('p50'),
        value: round(p50),
        unit: 'ms',
        baseline: round(baseP50),
        ratio: p50Ratio && round(p50Ratio, 2),
        goal: '(p99 decides)',
        status: 'info',
      },
      {
        benchmark: 'fan-out',
        metric: metric('p99'),
        value: round(p99),
        unit: 'ms',
        baseline: round(baseP99),
        ratio: p99Ratio && round(p99Ratio, 2),
        goal: `p99 ≤ ${GOAL_P99_RATIO}× baseline`,
        status: verdict(p99Ratio !== null && p99Ratio <= GOAL_P99_RATIO),
      },
    ],
    details: { clients: CLIENTS, rounds: ROUNDS, payloadBytes: JSON.stringify(plenary.sample).length },
  };
}

async function measurePlenary() {
  const server = await startTestServer({ reconnectGraceMs: 600_000 });
  let round = -1;
  let sentAt = 0;
  let arrived = 0;
  const latencies: number[] = [];
  let sample: WorkshopChange | undefined;
  const revisionOf = new Float64Array(CLIENTS);
  try {
    const population = await populate(server.url, CLIENTS, (client, index) => {
      client.on(Fact.workshopChanged, (change) => {
        revisionOf[index] = change.revision;
        // Only the raise is timed; the lowering between rounds is not.
        if (round < 0 || !change.slices.queue || change.slices.queue.entries.length === 0) return;
        latencies.push(performance.now() - sentAt);
        arrived += 1;
        sample ??= change;
      });
    });
    const raiser = population.delegates[0];
    if (!raiser) throw new Error('no delegates');
    for (round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      arrived = 0;
      sentAt = performance.now();
      await command(raiser.client, { type: 'queue.raiseHand', kind: 'new-point' });
      await until(() => arrived === CLIENTS, 'every client to hear the raised hand', WAIT_MS);
      const lowered = await command(raiser.client, { type: 'queue.lowerHand' });
      await until(() => revisionOf.every((seen) => seen >= lowered), 'every client to hear the lowering', WAIT_MS);
      await sleep(Math.max(0, MIN_ROUND_MS - (performance.now() - started)));
    }
    population.close();
    if (!sample) throw new Error('no queue change seen');
    return { latencies, sample };
  } finally {
    await server.close();
  }
}

async function measureBaseline(payload: WorkshopChange): Promise<number[]> {
  const server = await startBareServer((socket, io) => {
    socket.on('raise', (ack: () => void) => {
      io.except(socket.id).emit('changed', payload);
      ack();
    });
  });
  let sentAt = 0;
  let arrived = 0;
  const latencies: number[] = [];
  try {
    const clients = await connectMany(server.url, CLIENTS, (client) => {
      client.on('changed', () => {
        latencies.push(performance.now() - sentAt);
        arrived += 1;
      });
    });
    const trigger = await connectBare(server.url);
    for (let round = 0; round < ROUNDS; round++) {
      arrived = 0;
      sentAt = performance.now();
      await trigger.emitWithAck('raise');
      await until(() => arrived === CLIENTS, 'every bare client to receive', WAIT_MS);
    }
    for (const client of [trigger, ...clients]) client.disconnect();
    return latencies;
  } finally {
    await server.close();
  }
}
