import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Ack,
  type ClientToServerEvents,
  Command,
  type CommandName,
  type CommandRequest,
  type CommandResult,
  type CreateWorkshopRequest,
  type CreateWorkshopResponse,
  HttpRoute,
  type JoinResult,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '@plenary/shared';
import { io as connectClient, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  app: App;
  url: string;
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'plenary-test-'));

/** The environment of a quiet test server on a random loopback port. */
export const testEnv = (dataDir: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  PLENARY_WORKERS: '1',
  // Any free media port: tests run several servers side by side.
  PLENARY_RTC_PORT: '0',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  PLENARY_DATA_DIR: dataDir,
  PLENARY_CLIENT_DIR: process.env.PLENARY_CLIENT_DIR ?? 'client/dist',
});

/** A real Plenary server on a random loopback port, quiet, with its own data directory. */
/** The configuration `startTestServer` starts from, to override a part of a section (e.g. `media`). */
export const testConfig = (dataDir = newDataDir()): Config => loadConfig(testEnv(dataDir));

export async function startTestServer(overrides: Partial<Config> = {}, dataDir = newDataDir()): Promise<TestServer> {
  const base = loadConfig(testEnv(dataDir));
  const app = await createApp({ ...base, ...overrides });
  const address = await app.listen();
  const url = `http://127.0.0.1:${address.port}`;
  const clients: TestClient[] = [];
  return {
    app,
    url,
    connect: async () => {
      const client = await connectTo(url);
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) client.disconnect();
      await app.close();
    },
  };
}

type UntypedEmitter = { emitWithAck(event: string, payload: unknown): Promise<unknown> };

/** Sends a command and waits for its ack. */
export function request<C extends CommandName>(
  client: TestClient,
  command: C,
  payload: CommandRequest<C>,
): Promise<Ack<CommandResult<C>>> {
  return requestRaw(client, command, payload) as Promise<Ack<CommandResult<C>>>;
}

/** Like `request`, for payloads a well-behaved client would never send. */
export function requestRaw(client: TestClient, command: string, payload: unknown): Promise<unknown> {
  return (client.timeout(5_000) as unknown as UntypedEmitter).emitWithAck(command, payload);
}

export function nextEvent<E extends keyof ServerToClientEvents>(
  client: TestClient,
  event: E,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const on = client.once.bind(client) as (event: E, listener: (payload: never) => void) => void;
    on(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Waits until `check` passes: for conditions reached asynchronously (on the server, in a browser). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export interface Profile {
  name: string;
  organisation: string;
  country: string;
  language: string;
  timeZone: string;
}

export const profile = (name: string, organisation = 'Secretariat', country = 'Fiji'): Profile => ({
  name,
  organisation,
  country,
  language: 'en',
  timeZone: 'Pacific/Fiji',
});

/** `POST /api/workshops`, as the landing page does. */
export async function createWorkshop(
  url: string,
  request: Partial<CreateWorkshopRequest> = {},
): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}${HttpRoute.createWorkshop}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Regional workshop', timeZone: 'Pacific/Fiji', ...request }),
  });
  if (response.status !== 201) throw new Error(`create workshop: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateWorkshopResponse;
}

/** Joins with an invite and returns the answer, failing the test if the join was refused. */
export async function joinWithInvite(client: TestClient, token: string, who: Profile): Promise<JoinResult> {
  const answer = await request(client, Command.sessionJoin, {
    protocolVersion: PROTOCOL_VERSION,
    credential: { kind: 'invite', token, profile: who },
  });
  if (!answer.ok) throw new Error(`join refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

export async function rejoin(client: TestClient, participantToken: string): Promise<JoinResult> {
  const answer = await request(client, Command.sessionJoin, {
    protocolVersion: PROTOCOL_VERSION,
    credential: { kind: 'participant', token: participantToken },
  });
  if (!answer.ok) throw new Error(`rejoin refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Sends a workshop command and fails the test if it is refused. */
export async function command(
  client: TestClient,
  payload: CommandRequest<typeof Command.workshopCommand>,
): Promise<number> {
  const answer = await request(client, Command.workshopCommand, payload);
  if (!answer.ok) throw new Error(`${payload.type} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data.revision;
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** resolves when the process has exited */
  exited: Promise<number | null>;
}

/**
 * Plenary as its own OS process (`server/src/index.ts`), for tests that kill it. With
 * `dieWithTests`, the kernel kills it if the test process dies first (Linux `setpriv --pdeathsig`).
 */
export function spawnServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  { dieWithTests = false } = {},
): Promise<ServerProcess> {
  const node = [process.execPath, '--import', 'tsx', 'server/src/index.ts'];
  const [command, ...args] = dieWithTests ? ['setpriv', '--pdeathsig=KILL', '--', ...node] : node;
  const child = spawn(command as string, args, {
    env: { ...process.env, ...testEnv(dataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, process: child, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

export function connectTo(url: string): Promise<TestClient> {
  const client: TestClient = connectClient(url, { transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', reject);
  });
}

/** Waits until the SFU holds nothing but its idle workers: every router, transport, producer and consumer closed. */
export function expectMediaReleased(app: App, workers = 1): Promise<void> {
  return eventually(() =>
    expect(app.pool.counter.snapshot()).toEqual({ workers, routers: 0, transports: 0, producers: 0, consumers: 0 }),
  );
}

/** Runs `task(0..count-1)` with at most `concurrency` at a time. */
export async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
