import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rssKiB } from './proc.ts';
import { sleep } from './stats.ts';

const GC_PRELOAD = join(import.meta.dirname, '..', '..', 'server', 'test', 'reliability', 'gcOnSignal.mjs');

/** Environment additions that make a Node child collect garbage on SIGUSR2 (see gcOnSignal.mjs). */
export const gcPreloadEnv = (): Record<string, string> => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(GC_PRELOAD).href}`.trim(),
});

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

/** RSS (KiB) after a few full collections a moment apart: the lowest of several readings. */
export async function settledRss(child: ChildProcess, readings = 5): Promise<number> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('process has no pid');
  let lowest = Number.POSITIVE_INFINITY;
  for (let reading = 0; reading < readings; reading++) {
    child.kill('SIGUSR2');
    await sleep(400);
    lowest = Math.min(lowest, rssKiB(pid));
  }
  return lowest;
}

/** A Node script as its own process (with tsx and the GC hook); resolves with the port it prints. */
export function spawnScript(script: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...gcPreloadEnv() },
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
