// One TLS port for the page and for TURN: a real TLS listener whose connections go through the
// demux to Plenary's HTTP server or to the real coturn Plenary runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer, connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnPassword, turnUsername } from '../../src/turn/credentials.ts';
import { startTestServer, type TestServer } from '../harness.ts';
import { loopbackCoturn, selfSigned } from './coturn.ts';
import { allocate, streamExchange } from './turnClient.ts';

let server: TestServer;
let tls: TlsServer;
let tlsPort: number;
let key: Buffer;
let cert: Buffer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-demux-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plenary page</title>');
  server = await startTestServer({ turn: await loopbackCoturn(), clientDir: dir });
  const pair = selfSigned(dir);
  key = pair.key;
  cert = pair.cert;
  tls = createTlsServer(pair);
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsPort = (tls.address() as AddressInfo).port;
  server.app.turn.attachTls(tls, {
    httpServer: server.app.httpServer,
    url: `turns:127.0.0.1:${tlsPort}?transport=tcp`,
  });
});
afterAll(async () => {
  await new Promise((resolve) => tls?.close(resolve));
  await server?.close();
});

function get(
  path: string,
  agentOptions: { keepAlive: boolean },
  port = tlsPort,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        ca: cert,
        agent: false,
        headers: agentOptions.keepAlive ? {} : { connection: 'close' },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.once('error', reject);
    req.end();
  });
}

async function allocateOverTls(username: string, password: string, port = tlsPort) {
  const socket = tlsConnect({ host: '127.0.0.1', port, ca: cert });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  try {
    return await allocate(streamExchange(socket), username, password);
  } finally {
    socket.destroy();
  }
}

describe('TURN and the page on one TLS port', () => {
  it('serves the page over the TLS port', async () => {
    const page = await get('/', { keepAlive: false });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Plenary page');
    const health = await get('/healthz', { keepAlive: false });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', turn: { mode: 'coturn', state: 'up' } });
  });

  it('passes TURN to coturn: a fresh credential allocates a relay, a forged one gets 401', async () => {
    const [turn] = server.app.turn.iceServersFor('participant-tls', Date.now()).servers;
    if (!turn) throw new Error('no TURN server handed out');
    expect(turn.urls).toContain(`turns:127.0.0.1:${tlsPort}?transport=tcp`);
    expect((await allocateOverTls(turn.username, turn.credential)).result).toBe('allocated');

    const username = turnUsername(Math.floor(Date.now() / 1000) + 600, 'participant-tls');
    expect((await allocateOverTls(username, turnPassword('a-forged-secret-value', username))).result).toBe(401);
  });

  it('keeps serving the page while TURN connections come and go', async () => {
    const [turn] = server.app.turn.iceServersFor('participant-mixed', Date.now()).servers;
    if (!turn) throw new Error('no TURN server handed out');
    const [page, allocated, again] = await Promise.all([
      get('/', { keepAlive: false }),
      allocateOverTls(turn.username, turn.credential),
      get('/api/nothing-here', { keepAlive: false }),
    ]);
    expect(page.status).toBe(200);
    expect(allocated.result).toBe('allocated');
    expect(again.status).toBe(404);
  });
});

describe('TURN and an https server on one port', () => {
  it('leaves the https server its own requests and passes TURN to coturn', async () => {
    const https = createHttpsServer({ key, cert }, (_request, response) => response.end('served by https'));
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const { port } = https.address() as AddressInfo;
    try {
      server.app.turn.attachTls(https, { url: `turns:127.0.0.1:${port}?transport=tcp` });
      expect(await get('/', { keepAlive: false }, port)).toEqual({ status: 200, body: 'served by https' });
      const [turn] = server.app.turn.iceServersFor('participant-https', Date.now()).servers;
      if (!turn) throw new Error('no TURN server handed out');
      expect((await allocateOverTls(turn.username, turn.credential, port)).result).toBe('allocated');
    } finally {
      await new Promise((resolve) => https.close(resolve));
    }
  });
});
