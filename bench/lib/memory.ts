import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rssKiB } from './proc.ts';
import { sleep } from './stats.ts';

const GC_PRELOAD = join(import.meta.dirname, '..', '..', 'server', 'test', 'reliability', 'gcOnSignal.mjs');

/**
 * Environment additions that make a Node child collect garbage on SIGUSR2 (see gcOnSignal.mjs) and
 * write its memory figures to `report` afterwards.
 */
export const gcPreloadEnv = (report: string): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(GC_PRELOAD).href}`.trim(),
  PLENARY_GC_REPORT: report,
});

/** A fresh file for a child's memory report. */
export const gcReportFile = (): string => join(mkdtempSync(join(tmpdir(), 'plenary-gc-')), 'memory.json');

export interface SettledMemory {
  /** KiB, the lowest of the readings */
  rss: number;
  /** KiB: V8's heap in use plus the memory it tracks outside the heap (buffers), after the last GC */
  heap: number;
}

/** Runs `spawn` with `env` added to process.env (children copy it when spawned), then restores it. */
export async function withEnv<T>(env: Record<string, string>, spawn: () => Promise<T>): Promise<T> {
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

/** Memory after a few full collections a moment apart (children spawned with `gcPreloadEnv(report)`). */
export async function settledMemory(child: ChildProcess, report: string, readings = 5): Promise<SettledMemory> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('process has no pid');
  let rss = Number.POSITIVE_INFINITY;
  for (let reading = 0; reading < readings; reading++) {
    child.kill('SIGUSR2');
    await sleep(400);
    rss = Math.min(rss, rssKiB(pid));
  }
  const usage = JSON.parse(readFileSync(report, 'utf8')) as { heapUsed: number; external: number };
  return { rss, heap: (usage.heapUsed + usage.external) / 1024 };
}

/** A Node script as its own process (with tsx and the GC hook); resolves with the port it prints. */
export function spawnScript(script: string, report: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...gcPreloadEnv(report) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 20_000);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ process: child, url: `http://127.0.0.1:${port}` });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
