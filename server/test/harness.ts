import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Ack,
  ClientToServerEvents,
  CommandName,
  CommandRequest,
  CommandResult,
  ServerToClientEvents,
} from '@plenary/shared';
import { io as connectClient, type Socket } from 'socket.io-client';
import { type App, createApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  app: App;
  url: string;
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

/** A real Plenary server on a random loopback port, quiet, with its own data directory. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const base = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PLENARY_WORKERS: '1',
    LOG_LEVEL: 'silent',
    PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), 'plenary-test-')),
    PLENARY_CLIENT_DIR: process.env.PLENARY_CLIENT_DIR ?? 'client/dist',
  });
  const app = await createApp({ ...base, ...overrides });
  const address = await app.listen();
  const url = `http://127.0.0.1:${address.port}`;
  const clients: TestClient[] = [];
  return {
    app,
    url,
    connect: async () => {
      const client: TestClient = connectClient(url, { transports: ['websocket'], forceNew: true });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
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
