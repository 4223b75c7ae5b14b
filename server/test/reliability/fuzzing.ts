// Shared by the fuzz tests: how answers are judged, how payloads are paced.
import { ERROR_CODES } from '@plenary/shared';
import { expect } from 'vitest';
import type { TestClient } from '../harness.ts';
import { malform, wireForm } from './malformed.ts';
import { type Random, scale, sleep } from './support.ts';
import type { Target } from './targets.ts';

export const PER_TARGET = scale(100, 1_000);
/** Each connection stays under the server's rate limit (burst 60, 30/s), so every payload is parsed. */
export const LANE_GAP_MS = 1000 / 24;
export const FUZZ_TIMEOUT_MS = scale(90_000, 900_000);

export const preview = (payload: unknown): string => {
  try {
    return (JSON.stringify(payload) ?? String(payload)).slice(0, 160);
  } catch {
    return String(payload).slice(0, 160);
  }
};

/** What is wrong with an answer to a malformed command, or null when it is a proper refusal. */
export function ackProblem(answer: unknown, expectedCode?: string): string | null {
  if (typeof answer !== 'object' || answer === null) return `answer is ${preview(answer)}`;
  const { ok, error } = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok !== false) return `accepted: ${preview(answer)}`;
  if (Object.keys(answer).sort().join(',') !== 'error,ok') return `extra keys: ${preview(answer)}`;
  if (typeof error?.message !== 'string') return `no message: ${preview(answer)}`;
  if (!ERROR_CODES.includes(error.code as never)) return `unknown code: ${preview(error.code)}`;
  if (expectedCode && error.code !== expectedCode) return `${String(error.code)} instead of ${expectedCode}`;
  return null;
}

/** One payload the target's schema refuses, or null if twenty tries came out valid. */
export function invalidPayload(target: Target, random: Random) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const malformed = malform(random, target.template, target.otherTypes);
    if (!target.schema.safeParse(wireForm(malformed.payload)).success) return malformed;
  }
  return null;
}

/** Sends each job from one of the lanes (connections), each lane paced under the rate limit. */
export async function drain<J>(
  lanes: TestClient[],
  jobs: Iterator<J>,
  send: (lane: TestClient, job: J) => Promise<void>,
): Promise<void> {
  await Promise.all(
    lanes.map(async (lane) => {
      for (let next = jobs.next(); !next.done; next = jobs.next()) {
        const started = performance.now();
        await send(lane, next.value);
        const wait = LANE_GAP_MS - (performance.now() - started);
        if (wait > 0) await sleep(wait);
      }
    }),
  );
}

/** The server still answers healthy, and nothing polluted Object.prototype (the server runs in this process). */
export async function expectHealthy(url: string): Promise<void> {
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
