// Fan-out: a delegate raises a hand and 300 delegates are told; per-client latency (arrival minus
// send, one process clock). Baseline: a bare Socket.IO `io.emit` of a payload of the same size.
// Plenary's rounds and the baseline's alternate, so both meet the same load on a shared machine;
// each round starts once every client has taken in the previous one.

import { command, startTestServer } from '@plenary/server/testing';
import { Fact, type WorkshopChange } from '@plenary/shared';
import { connectBare, connectMany, startBareServer } from './lib/bareIo.ts';
import { commitProbe } from './lib/commitProbe.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { quantile, sleep, until } from './lib/stats.ts';

const CLIENTS = 300;
const ROUNDS = 100;
const GOAL_P99_RATIO = 1.5;
const WAIT_MS = 30_000;
/** The raiser sends two commands a round; this keeps it inside the server's per-connection rate limit. */
const MIN_ROUND_MS = 80;

interface Contender {
  /** one timed round: every client's latency is added to `latencies` */
  round(): Promise<void>;
  latencies: number[];
  close(): Promise<void>;
}

export async function run(): Promise<Result> {
  const plenary = await preparePlenary();
  const probe = commitProbe();
  const commits: number[] = [];
  let bare: Contender | undefined;
  try {
    bare = await prepareBaseline(plenary.sample);
    for (let round = 0; round < ROUNDS; round++) {
      commits.push(probe.sample());
      // Who goes first alternates too, so neither always follows the other's garbage.
      for (const contender of round % 2 === 0 ? [plenary, bare] : [bare, plenary]) await contender.round();
    }
  } finally {
    probe.close();
    await Promise.all([plenary.close(), bare?.close()]);
  }
  const commitP99 = round(quantile(commits, 0.99));
  const baseline = bare.latencies;
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
        note: `a durable commit on this disk: p99 ${commitP99} ms, max ${round(Math.max(...commits))} ms`,
      },
    ],
    details: {
      clients: CLIENTS,
      rounds: ROUNDS,
      payloadBytes: JSON.stringify(plenary.sample).length,
      durableCommitMs: { p50: round(quantile(commits, 0.5), 2), p99: commitP99, max: round(Math.max(...commits)) },
    },
  };
}

async function preparePlenary(): Promise<Contender & { sample: WorkshopChange }> {
  const server = await startTestServer({ reconnectGraceMs: 600_000 });
  let timing = false;
  let sentAt = 0;
  let arrived = 0;
  const latencies: number[] = [];
  let sample: WorkshopChange | undefined;
  const revisionOf = new Float64Array(CLIENTS);
  const population = await populate(server.url, CLIENTS, (client, index) => {
    client.on(Fact.workshopChanged, (change) => {
      revisionOf[index] = change.revision;
      // Only the raise is timed; the lowering after it is not.
      if (!change.slices.queue || change.slices.queue.entries.length === 0) return;
      if (timing) latencies.push(performance.now() - sentAt);
      arrived += 1;
      sample ??= change;
    });
  });
  const raiser = population.delegates[0];
  if (!raiser) throw new Error('no delegates');
  const round = async () => {
    const started = performance.now();
    arrived = 0;
    sentAt = performance.now();
    await command(raiser.client, { type: 'queue.raiseHand', kind: 'new-point' });
    await until(() => arrived === CLIENTS, 'every client to hear the raised hand', WAIT_MS);
    const lowered = await command(raiser.client, { type: 'queue.lowerHand' });
    await until(() => revisionOf.every((seen) => seen >= lowered), 'every client to hear the lowering', WAIT_MS);
    await sleep(Math.max(0, MIN_ROUND_MS - (performance.now() - started)));
  };
  // An untimed round shows what a delegate receives, which the baseline then sends.
  await round();
  timing = true;
  if (!sample) throw new Error('no queue change seen');
  return {
    round,
    latencies,
    sample,
    close: async () => {
      population.close();
      await server.close();
    },
  };
}

async function prepareBaseline(payload: WorkshopChange): Promise<Contender> {
  const server = await startBareServer((socket, io) => {
    socket.on('raise', (ack: () => void) => {
      io.except(socket.id).emit('changed', payload);
      ack();
    });
  });
  let sentAt = 0;
  let arrived = 0;
  const latencies: number[] = [];
  const clients = await connectMany(server.url, CLIENTS, (client) => {
    client.on('changed', () => {
      latencies.push(performance.now() - sentAt);
      arrived += 1;
    });
  });
  const trigger = await connectBare(server.url);
  return {
    latencies,
    round: async () => {
      arrived = 0;
      sentAt = performance.now();
      await trigger.emitWithAck('raise');
      await until(() => arrived === CLIENTS, 'every bare client to receive', WAIT_MS);
    },
    close: async () => {
      for (const client of [trigger, ...clients]) client.disconnect();
      await server.close();
    },
  };
}
