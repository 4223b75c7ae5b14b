// What a server process holds in memory once garbage is collected, for the soak test and the memory
// benchmark. The process is started with reliability/gcOnSignal.mjs preloaded: SIGUSR2 runs a full
// collection, then writes `process.memoryUsage()` to a report file.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ServerProcess, spawnServerProcess } from './harness.ts';

const GC_PRELOAD = pathToFileURL(join(import.meta.dirname, 'reliability', 'gcOnSignal.mjs')).href;

/** A fresh file for one process's memory report. */
export const gcReportFile = (): string => join(mkdtempSync(join(tmpdir(), 'plenary-gc-')), 'memory.json');

/** Environment additions that make a Node child collect garbage on SIGUSR2 and report to `report`. */
export const gcHookEnv = (report: string): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${GC_PRELOAD}`.trim(),
  PLENARY_GC_REPORT: report,
});

/** Runs `spawn` with `env` added to process.env (children copy it when spawned), then restores it. */
async function withEnv<T>(env: Record<string, string>, spawn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await spawn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A Plenary server process with the GC hook, reporting to `report`. */
export function spawnWithGcHook(
  dataDir: string,
  report: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return withEnv({ ...env, ...gcHookEnv(report) }, () => spawnServerProcess(dataDir));
}

export interface SettledMemory {
  /** KiB, the lowest of the readings */
  rss: number;
  /** KiB: V8's heap in use plus the memory it tracks outside the heap (buffers), after the last GC */
  heap: number;
}

/** Memory after a few full collections a moment apart (a child started with `gcHookEnv(report)`). */
export async function settledMemory(child: ChildProcess, report: string, readings = 5): Promise<SettledMemory> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('process has no pid');
  let rss = Number.POSITIVE_INFINITY;
  for (let reading = 0; reading < readings; reading++) {
    child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 400));
    rss = Math.min(rss, rssKiB(pid));
  }
  const usage = JSON.parse(readFileSync(report, 'utf8')) as { heapUsed: number; external: number };
  return { rss, heap: (usage.heapUsed + usage.external) / 1024 };
}

/** Resident set size in KiB, from /proc/<pid>/status. */
function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}
