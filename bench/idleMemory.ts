// Memory per idle delegate: RSS of a Plenary server process with 1,000 connected, joined, idle
// delegates minus its RSS with none, per delegate; baseline: the same for a bare Socket.IO process.
import type { ChildProcess } from 'node:child_process';
import { newDataDir, type ServerProcess, spawnServerProcess } from '@plenary/server/testing';
import { connectMany } from './lib/bareIo.ts';
import { gcPreloadEnv, settledRss, spawnScript, withEnv } from './lib/memory.ts';
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
  const plenaryServer = await withEnv({ ...gcPreloadEnv(), PLENARY_RECONNECT_GRACE_MS: '600000' }, () =>
    spawnServerProcess(newDataDir()),
  );
  const bareServer = await spawnScript('bench/procs/bareIoServer.ts');
  try {
    const [plenary, bare] = await Promise.all([fillPlenary(plenaryServer), fillBare(bareServer)]);
    await sleep(SETTLE_S * 1000);
    plenary.idle = await settledRss(plenaryServer.process);
    bare.idle = await settledRss(bareServer.process);
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
  empty: number;
  afterJoins: number;
  idle: number;
  close(): void;
}

function report(plenary: Readings, bare: Readings): Result {
  const perDelegate = (plenary.idle - plenary.empty) / DELEGATES;
  const perBare = (bare.idle - bare.empty) / DELEGATES;
  const ratio = ratioOf(perDelegate, perBare);
  return {
    name: 'idle-memory',
    rows: [
      {
        benchmark: 'idle memory',
        metric: `RSS per idle delegate (${DELEGATES} joined, separate process, after GC)`,
        value: round(perDelegate),
        unit: 'KiB',
        baseline: round(perBare),
        ratio: ratio && round(ratio, 2),
        goal: `≤ ${GOAL_KIB} KiB`,
        status: verdict(perDelegate <= GOAL_KIB),
        ...(SETTLE_S < 185 ? { note: `read after ${SETTLE_S} s: recent broadcasts still held` } : {}),
      },
      {
        benchmark: 'idle memory',
        metric: `RSS growth right after ${DELEGATES} joins (recovery buffer of broadcasts)`,
        value: round((plenary.afterJoins - plenary.empty) / 1024),
        unit: 'MiB',
        baseline: round((bare.afterJoins - bare.empty) / 1024),
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

async function fillPlenary(server: ServerProcess): Promise<Readings> {
  const empty = await settledRss(server.process);
  const population = await populate(server.url, DELEGATES);
  return { empty, afterJoins: await settledRss(server.process), idle: 0, close: population.close };
}

async function fillBare(server: { process: ChildProcess; url: string }): Promise<Readings> {
  const empty = await settledRss(server.process);
  const joins: Array<Promise<unknown>> = [];
  const clients = await connectMany(server.url, DELEGATES, (client, index) => {
    const profile = { name: `Delegate ${index}`, organisation: `Administration ${index % 20}`, country: 'Fiji' };
    joins.push(client.emitWithAck('join', profile));
  });
  await Promise.all(joins);
  return {
    empty,
    afterJoins: await settledRss(server.process),
    idle: 0,
    close: () => {
      for (const client of clients) client.disconnect();
    },
  };
}
