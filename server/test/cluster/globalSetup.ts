// Vitest globalSetup of the `cluster` project: one PostgreSQL and one Redis for all its test files
// (each file makes its own databases and Redis key prefix), stopped when the run ends.
import type { TestProject } from 'vitest/node';
import { startPostgres, startRedis } from '../engines.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** superuser connection to the `postgres` database of the throwaway server */
    postgresUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outcomes = await Promise.allSettled([startPostgres(), startRedis()]);
  const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const [postgres, redis] = started;
  if (!postgres || !redis || started.length !== 2) {
    await Promise.all(started.map((engine) => engine.stop()));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    throw failure?.status === 'rejected' ? failure.reason : new Error('the test databases did not start');
  }
  process.stdout.write(
    `[cluster] PostgreSQL ready in ${postgres.startupMs} ms (initdb included), Redis in ${redis.startupMs} ms\n`,
  );
  project.provide('postgresUrl', postgres.url);
  project.provide('redisUrl', redis.url);
  return async () => {
    await Promise.all(started.map((engine) => engine.stop()));
  };
}
