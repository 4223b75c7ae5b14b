// Plenary keeps its coturn running: a killed coturn shows in /healthz and /metrics, is started again,
// and stops when Plenary stops.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../harness.ts';
import { loopbackCoturn } from './coturn.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function health(url: string) {
  const response = await fetch(`${url}/healthz`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; turn: Record<string, unknown> },
  };
}

async function metrics(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

describe('coturn supervised by Plenary', () => {
  it('reports coturn up, restarts it when it dies (reporting it down meanwhile), and stops it with Plenary', async () => {
    server = await startTestServer({ turn: await loopbackCoturn() });
    const { url, app } = server;
    const before = await health(url);
    expect(before.status).toBe(200);
    expect(before.body.turn).toEqual({ mode: 'coturn', ok: true, state: 'up', restarts: 0 });
    expect(await metrics(url)).toMatch(/^plenary_turn_up 1$/m);
    expect(await metrics(url)).toMatch(/^plenary_turn_restarts_total 0$/m);

    const first = turnPid(app);
    process.kill(first, 'SIGKILL');
    await eventually(async () => {
      const during = await health(url);
      expect(during.status).toBe(503);
      expect(during.body.status).toBe('degraded');
      expect(during.body.turn).toMatchObject({ mode: 'coturn', ok: false });
      expect(await metrics(url)).toMatch(/^plenary_turn_up 0$/m);
    }, 2_000);

    await eventually(async () => {
      const after = await health(url);
      expect(after.status).toBe(200);
      expect(after.body.turn).toEqual({ mode: 'coturn', ok: true, state: 'up', restarts: 1 });
    }, 10_000);
    expect(await metrics(url)).toMatch(/^plenary_turn_restarts_total 1$/m);
    const second = turnPid(app);
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);

    await server.close();
    server = undefined;
    expect(alive(second)).toBe(false);
  });
});

function turnPid(app: TestServer['app']): number {
  const pid = app.turn.pid();
  if (!pid) throw new Error('coturn is not running');
  return pid;
}
