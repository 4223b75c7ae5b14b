// Memory per idle delegate: what a Plenary server process holds with 1,000 connected, joined, idle
// delegates minus what it held with none, per delegate; baseline: the same for a bare Socket.IO
// process. Judged on V8's heap plus the buffers it tracks, after full collections: RSS moves by tens
// of MiB with the allocator's mood (it often ends lower than at start), so it is shown for reference.
import type { ChildProcess } from 'node:child_process';
import { newDataDir, type ServerProcess } from '@plenary/server/testing';
import { gcReportFile, type SettledMemory, settledMemory, spawnWithGcHook } from '@plenary/server/testing/memory';
import { connectMany } from './lib/bareIo.ts';
import { spawnScript } from './lib/memory.ts';
import { populate } from './lib/plenary.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { sleep } from './lib/stats.ts';

const DELEGATES = 1_000;
const GOAL_KIB = 64;
/**
 * Socket.IO's connection state recovery keeps every broadcast for 2 minutes (dropped by a sweep
 * once a minute), and joining a thousand people broadcasts the roster a few thousand times, so the
 * idle figure is read once those have expired. `PLENARY_BENCH_SETTLE_S` shortens it for a quick look.
 */
const SETTLE_S = Number(process.env.PLENARY_BENCH_SETTLE_S ?? 185);

export async function run(): Promise<Result> {
  // Both servers are filled side by side and read after the same wait, so they have settled alike.
  const reports = { plenary: gcReportFile(), bare: gcReportFile() };
  const plenaryServer = await spawnWithGcHook(newDataDir(), reports.plenary, { PLENARY_RECONNECT_GRACE_MS: '600000' });
  const bareServer = await spawnScript('bench/procs/bareIoServer.ts', reports.bare);
  try {
    const [plenary, bare] = await Promise.all([
      fillPlenary(plenaryServer, reports.plenary),
      fillBare(bareServer, reports.bare),
    ]);
    await sleep(SETTLE_S * 1000);
    plenary.idle = await settledMemory(plenaryServer.process, reports.plenary);
    bare.idle = await settledMemory(bareServer.process, reports.bare);
    plenary.close();
    bare.close();
    return report(plenary, bare);
  } finally {
    plenaryServer.process.kill('SIGKILL');
    bareServer.process.kill('SIGKILL');
    await plenaryServer.exited;
  }
}

interface Readings {
  empty: SettledMemory;
  afterJoins: SettledMemory;
  idle: SettledMemory;
  close(): void;
}

function report(plenary: Readings, bare: Readings): Result {
  const perDelegate = (kind: keyof SettledMemory, readings: Readings) =>
    (readings.idle[kind] - readings.empty[kind]) / DELEGATES;
  const heap = perDelegate('heap', plenary);
  const bareHeap = perDelegate('heap', bare);
  const heapRatio = ratioOf(heap, bareHeap);
  const settling = SETTLE_S < 185 ? { note: `read after ${SETTLE_S} s: recent broadcasts still held` } : {};
  return {
    name: 'idle-memory',
    rows: [
      {
        benchmark: 'idle memory',
        metric: `heap + buffers per idle delegate (${DELEGATES} joined, separate process, after GC)`,
        value: round(heap),
        unit: 'KiB',
        baseline: round(bareHeap),
        ratio: heapRatio && round(heapRatio, 2),
        goal: `≤ ${GOAL_KIB} KiB`,
        status: verdict(heap <= GOAL_KIB),
        ...settling,
      },
      {
        benchmark: 'idle memory',
        metric: `RSS per idle delegate (the same processes; moves with the allocator)`,
        value: round(perDelegate('rss', plenary)),
        unit: 'KiB',
        baseline: round(perDelegate('rss', bare)),
        ratio: null,
        goal: '—',
        status: 'info',
      },
      {
        benchmark: 'idle memory',
        metric: `RSS growth right after ${DELEGATES} joins (recovery buffer of broadcasts)`,
        value: round((plenary.afterJoins.rss - plenary.empty.rss) / 1024),
        unit: 'MiB',
        baseline: round((bare.afterJoins.rss - bare.empty.rss) / 1024),
        ratio: null,
        goal: '—',
        status: 'info',
      },
    ],
    details: {
      delegates: DELEGATES,
      settleSeconds: SETTLE_S,
      plenaryKiB: { empty: plenary.empty, afterJoins: plenary.afterJoins, idle: plenary.idle },
      bareKiB: { empty: bare.empty, afterJoins: bare.afterJoins, idle: bare.idle },
    },
  };
}

const NOT_READ: SettledMemory = { rss: 0, heap: 0 };

async function fillPlenary(server: ServerProcess, report: string): Promise<Readings> {
  const empty = await settledMemory(server.process, report);
  const population = await populate(server.url, DELEGATES);
  const afterJoins = await settledMemory(server.process, report);
  return { empty, afterJoins, idle: NOT_READ, close: population.close };
}

async function fillBare(server: { process: ChildProcess; url: string }, report: string): Promise<Readings> {
  const empty = await settledMemory(server.process, report);
  const joins: Array<Promise<unknown>> = [];
  const clients = await connectMany(server.url, DELEGATES, (client, index) => {
    const profile = { name: `Delegate ${index}`, organisation: `Administration ${index % 20}`, country: 'Fiji' };
    joins.push(client.emitWithAck('join', profile));
  });
  await Promise.all(joins);
  return {
    empty,
    afterJoins: await settledMemory(server.process, report),
    idle: NOT_READ,
    close: () => {
      for (const client of clients) client.disconnect();
    },
  };
}
