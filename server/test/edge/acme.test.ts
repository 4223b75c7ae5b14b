// PLENARY_DOMAIN against a real ACME CA (pebble, on loopback): a certificate is obtained over
// HTTP-01 answered by Plenary's own listener, served, renewed without a restart when its short life
// runs low, and kept serving with one clear log line when the CA is gone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { type AddressInfo, connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf, parseCertificate } from '../../src/edge/certificate.ts';
import { type Edge, startEdge } from '../../src/edge/edge.ts';
import type { TlsConfig } from '../../src/edge/tlsConfig.ts';
import { freePort } from '../engines.ts';
import { type Pebble, startPebble } from './pebble.ts';
import { eventually, makeCertificate, recordingLogger, servedFingerprint } from './tls.ts';

const DOMAIN = 'plenary.test';
// Short enough to watch a renewal (due with under a third left: ~6 s after issue), long enough
// that issuing one (about a second here) leaves it valid.
const VALIDITY_SECONDS = 9;
const patience = { requestRetries: 0, pollMs: 100, retryAfterFailureMs: 60_000 };

let dataDir: string;
let pebble: Pebble | undefined;
let edge: Edge | undefined;
let closeServer: (() => Promise<void>) | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'plenary-acme-'));
});

afterEach(async () => {
  await closeServer?.();
  await edge?.close();
  await pebble?.stop();
  [closeServer, edge, pebble] = [undefined, undefined, undefined];
  rmSync(dataDir, { recursive: true, force: true });
});

function acmeConfig(directoryUrl: string, directoryCaFile: string, httpPort: number): TlsConfig {
  return {
    kind: 'acme',
    domain: DOMAIN,
    directoryUrl,
    email: 'ops@plenary.test',
    directoryCaFile,
    httpPort,
    checkMs: 200,
  };
}

/** pebble makes a new root at each start; a client that trusts it verifies what Plenary serves. */
function pebbleRoot(rootsUrl: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(rootsUrl, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

function verifiedBy(port: number, root: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: DOMAIN, ca: root }, () => {
      resolve(socket.authorized);
      socket.end();
    });
    socket.once('error', reject);
  });
}

describe('ACME certificates (PLENARY_DOMAIN) from pebble', () => {
  it('are obtained, served, renewed without a restart, and kept serving when the CA is gone', async () => {
    const challengePort = await freePort();
    pebble = await startPebble({ challengePort, validitySeconds: VALIDITY_SECONDS });
    const caFile = join(dataDir, 'pebble-ca.pem');
    writeFileSync(caFile, pebble.directoryCa);
    const { logger, lines } = recordingLogger();

    edge = await startEdge(acmeConfig(pebble.directoryUrl, caFile, challengePort), {
      dataDir,
      host: '127.0.0.1',
      logger,
      acmePatience: patience,
    });
    const server = edge.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closeServer = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;

    // Served is what was obtained and kept in the data directory, and it chains to pebble's root.
    const kept = () =>
      parseCertificate(
        readFileSync(join(dataDir, 'tls', `${DOMAIN}.crt`), 'utf8'),
        readFileSync(join(dataDir, 'tls', `${DOMAIN}.key`), 'utf8'),
        'kept',
      );
    const first = fingerprintOf(kept());
    expect(await servedFingerprint(port, DOMAIN)).toBe(first);
    expect(kept().leaf.checkHost(DOMAIN)).toBe(DOMAIN);
    expect(await verifiedBy(port, await pebbleRoot(pebble.rootsUrl, pebble.directoryCa))).toBe(true);
    expect(edge.origin(port)).toBe(`https://${DOMAIN}:${port}`);

    // Renewed on its own when under a third of its life is left, and served without a restart.
    const second = await eventually(
      'a renewed certificate served',
      async () => {
        const served = await servedFingerprint(port, DOMAIN);
        return served !== first ? served : undefined;
      },
      20_000,
    );
    expect(second).toBe(fingerprintOf(kept()));
    expect(lines.filter((line) => line.msg === 'ACME certificate obtained')).toHaveLength(2);

    // The CA goes away: the next renewal fails, is said once, and the current certificate stays.
    await pebble.stop();
    pebble = undefined;
    const complaint = 'ACME certificate renewal failed: still serving the current certificate';
    const logged = await eventually(
      'the failure logged',
      async () => lines.find((line) => line.msg === complaint),
      20_000,
    );
    expect(logged.level).toBe(50);
    expect(logged.err).toMatch(/^the CA cannot be reached \(connect ECONNREFUSED/);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // five more checks: not five more lines
    expect(lines.filter((line) => line.msg === complaint)).toHaveLength(1);
    expect(await servedFingerprint(port, DOMAIN)).toBe(second);
  });

  it('stops the start with one clear error when there is no certificate and the CA cannot be reached', async () => {
    const [deadPort, challengePort] = [await freePort(), await freePort()];
    const caFile = join(dataDir, 'none.pem');
    writeFileSync(caFile, (await makeCertificate()).cert);
    const { logger } = recordingLogger();
    const start = startEdge(acmeConfig(`https://127.0.0.1:${deadPort}/dir`, caFile, challengePort), {
      dataDir,
      host: '127.0.0.1',
      logger,
      acmePatience: patience,
    });
    await expect(start).rejects.toThrow(
      `PLENARY_DOMAIN=${DOMAIN}: no certificate from https://127.0.0.1:${deadPort}/dir: the CA cannot be reached (connect ECONNREFUSED`,
    );
    // The challenge listener it had opened is closed again.
    const listening = await new Promise<boolean>((resolve) => {
      const probe = netConnect({ host: '127.0.0.1', port: challengePort });
      probe.once('error', () => resolve(false));
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
    });
    expect(listening).toBe(false);
  });

  it('serves the certificate kept in the data directory at a restart without asking the CA', async () => {
    const [deadPort, challengePort] = [await freePort(), await freePort()];
    const kept = await makeCertificate({ names: [DOMAIN], ips: [], days: 90 });
    mkdirSync(join(dataDir, 'tls'));
    writeFileSync(join(dataDir, 'tls', `${DOMAIN}.crt`), kept.cert);
    writeFileSync(join(dataDir, 'tls', `${DOMAIN}.key`), kept.key);
    const caFile = join(dataDir, 'ca.pem');
    writeFileSync(caFile, kept.cert);
    const { logger, lines } = recordingLogger();
    edge = await startEdge(acmeConfig(`https://127.0.0.1:${deadPort}/dir`, caFile, challengePort), {
      dataDir,
      host: '127.0.0.1',
      logger,
      acmePatience: patience,
    });
    const server = edge.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closeServer = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;
    expect(await servedFingerprint(port, DOMAIN)).toBe(fingerprintOf(parseCertificate(kept.cert, kept.key, 'kept')));
    await new Promise((resolve) => setTimeout(resolve, 500)); // renewal checks: not due, so no CA asked
    expect(lines.map((line) => line.msg)).toEqual(['serving the kept ACME certificate']);
  });
});
