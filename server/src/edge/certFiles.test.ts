// https from the operator's certificate files, through the real listener and a real TLS client.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, makeCertificate, recordingLogger, servedFingerprint } from '../../test/edge/tls.ts';
import { fingerprintOf, parseCertificate } from './certificate.ts';
import { type Edge, HSTS, startEdge } from './edge.ts';

let dir: string;
let certFile: string;
let keyFile: string;
let edge: Edge | undefined;
const closers: Array<() => Promise<void>> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-tls-'));
  certFile = join(dir, 'cert.pem');
  keyFile = join(dir, 'key.pem');
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await edge?.close();
  edge = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const fingerprint = (pair: { cert: string; key: string }) =>
  fingerprintOf(parseCertificate(pair.cert, pair.key, 'test'));

function writePair(pair: { cert: string; key: string }) {
  writeFileSync(keyFile, pair.key);
  writeFileSync(certFile, pair.cert);
}

/** The edge's server with a one-line app, listening on a free loopback port. */
async function serve() {
  const { logger, lines } = recordingLogger();
  edge = await startEdge(
    { kind: 'files', certFile, keyFile, httpPort: undefined, checkMs: 100 },
    { dataDir: dir, host: '127.0.0.1', logger },
  );
  const server = edge.createServer((_request, response) => response.end('hello over https'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, lines };
}

describe('https from PLENARY_TLS_CERT / PLENARY_TLS_KEY', () => {
  it('serves the files, and a renewal on disk without a restart', async () => {
    const first = await makeCertificate();
    writePair(first);
    const { port, lines } = await serve();
    expect(await servedFingerprint(port)).toBe(fingerprint(first));

    const renewed = await makeCertificate();
    writePair(renewed);
    await eventually('the renewed certificate served', async () =>
      (await servedFingerprint(port)) === fingerprint(renewed) ? true : undefined,
    );
    expect(lines.filter((line) => line.msg === 'TLS certificate renewed from its files')).toHaveLength(1);
  });

  it('keeps serving the old certificate when the renewed files are broken, with one log line', async () => {
    const first = await makeCertificate();
    writePair(first);
    const { port, lines } = await serve();
    const other = await makeCertificate();
    // A certificate with somebody else's key: the kind of mistake a half-done copy makes.
    writeFileSync(certFile, other.cert);
    const complaint = 'renewed TLS certificate files are unusable: still serving the previous certificate';
    const logged = await eventually('the complaint', async () => lines.find((line) => line.msg === complaint));
    expect(logged.level).toBe(50);
    expect(logged.err).toMatch(/does not belong/);
    await new Promise((resolve) => setTimeout(resolve, 400)); // several more checks of the same broken files
    expect(lines.filter((line) => line.msg === complaint)).toHaveLength(1);
    expect(await servedFingerprint(port)).toBe(fingerprint(first));

    // Mending the files is picked up as any renewal is.
    writeFileSync(keyFile, other.key);
    await eventually('the mended certificate served', async () =>
      (await servedFingerprint(port)) === fingerprint(other) ? true : undefined,
    );
  });

  it('refuses to start on missing or broken files, naming what is wrong', async () => {
    const { logger } = recordingLogger();
    const start = () =>
      startEdge(
        { kind: 'files', certFile, keyFile, httpPort: undefined, checkMs: 100 },
        { dataDir: dir, host: '127.0.0.1', logger },
      );
    await expect(start()).rejects.toThrow(`PLENARY_TLS_CERT=${certFile}: cannot be read (ENOENT)`);
    writeFileSync(certFile, 'not a certificate');
    writeFileSync(keyFile, (await makeCertificate()).key);
    await expect(start()).rejects.toThrow(/the certificate is not a PEM certificate/);
    writeFileSync(certFile, (await makeCertificate()).cert);
    await expect(start()).rejects.toThrow(/the key does not belong to the certificate/);
    writeFileSync(keyFile, 'not a key');
    await expect(start()).rejects.toThrow(/the key is not an unencrypted PEM private key/);
  });

  it('sends HSTS with every https response', async () => {
    writePair(await makeCertificate());
    const { port: httpsPort } = await serve();
    const response = await new Promise<{ status: number; hsts: unknown; body: string }>((resolve, reject) => {
      const call = request({ host: '127.0.0.1', port: httpsPort, path: '/', rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'], body }),
        );
      });
      call.on('error', reject);
      call.end();
    });
    expect(response).toEqual({ status: 200, hsts: HSTS, body: 'hello over https' });
  });
});
