// The whole app served through the edge: pages and Socket.IO over https, verified by clients that
// trust only what an operator or a device would, and a certificate swapped under live sockets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents } from '@plenary/shared';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fingerprintOf, parseCertificate } from '../../src/edge/certificate.ts';
import { type Edge, HSTS, startEdge } from '../../src/edge/edge.ts';
import { lanCertificates } from '../../src/edge/lanCertificate.ts';
import type { TlsConfig } from '../../src/edge/tlsConfig.ts';
import { newDataDir, testEnv } from '../harness.ts';
import { eventually, makeCertificate, recordingLogger, servedFingerprint } from './tls.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let dataDir: string;
let edge: Edge | undefined;
let app: App | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await app?.close();
  await edge?.close();
  [app, edge] = [undefined, undefined];
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(tls: TlsConfig): Promise<number> {
  dataDir = newDataDir();
  const config = { ...loadConfig(testEnv(dataDir)), tls };
  const { logger } = recordingLogger();
  edge = await startEdge(tls, { dataDir, host: '127.0.0.1', logger });
  app = await createApp(config, { createServer: edge.createServer });
  return (await app.listen()).port;
}

function connect(port: number, ca: string): Promise<Client> {
  const client: Client = connectClient(`https://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, ca });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', reject);
  });
}

function get(port: number, path: string, ca: string) {
  return new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port, path, ca }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, hsts: response.headers['strict-transport-security'] }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

describe('Plenary over https', () => {
  it('in LAN mode: pages and sockets verified by a client that trusts only the LAN authority', async () => {
    // 127.0.0.1 stands in for the LAN address: tests talk to loopback only.
    const port = await serve({ kind: 'lan', address: '127.0.0.1' });
    const authority = (await lanCertificates(join(dataDir, 'tls'), '127.0.0.1', Date.now())).authority.cert;
    expect(await get(port, '/healthz', authority)).toEqual({ status: 200, hsts: undefined });
    const client = await connect(port, authority);
    expect(client.connected).toBe(true);
    // Anyone who trusts only the public CAs is refused, as a browser warns.
    await expect(get(port, '/healthz', (await makeCertificate()).cert)).rejects.toThrow(/self-signed|unable to verify/);
  });

  it('with certificate files: HSTS, and a renewal served to new connections while sockets stay up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-certs-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [first, renewed] = [
      await makeCertificate({ ips: ['127.0.0.1'] }),
      await makeCertificate({ ips: ['127.0.0.1'] }),
    ];
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, first.key);
    const port = await serve({ kind: 'files', certFile, keyFile, httpPort: undefined, checkMs: 100 });
    expect(await get(port, '/healthz', first.cert)).toEqual({ status: 200, hsts: HSTS });
    const client = await connect(port, first.cert);

    writeFileSync(keyFile, renewed.key);
    writeFileSync(certFile, renewed.cert);
    const fingerprint = fingerprintOf(parseCertificate(renewed.cert, renewed.key, 'renewed'));
    await eventually('the renewal served', async () =>
      (await servedFingerprint(port)) === fingerprint ? true : undefined,
    );
    expect(client.connected).toBe(true);
    expect((await connect(port, renewed.cert)).connected).toBe(true);
  });
});
