// A throwaway ACME CA for the edge tests: Debian's `pebble` (Let's Encrypt's test server) with its
// DNS answered by `pebble-challtestsrv`, every name resolving to 127.0.0.1, so pebble validates
// HTTP-01 against Plenary's own listener on loopback. scripts/setup.mjs --for-tests installs both.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineDir, freePort, guarded, stopChild, waitFor } from '../engines.ts';
import { makeCertificate } from './tls.ts';

export interface Pebble {
  directoryUrl: string;
  /** the PEM pebble's own https is signed with: what an ACME client must trust to reach it */
  directoryCa: string;
  /** pebble's management API serves the root it issues under (new at each start) here */
  rootsUrl: string;
  /** stops the CA (the DNS too): its clients then fail as against a CA that is down */
  stop(): Promise<void>;
}

export async function startPebble(options: { challengePort: number; validitySeconds: number }): Promise<Pebble> {
  const dir = engineDir('pebble');
  const [listenPort, managementPort, tlsPort, dnsPort, dnsManagementPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const own = await makeCertificate({ names: ['localhost'], ips: ['127.0.0.1'] });
  writeFileSync(join(dir, 'cert.pem'), own.cert);
  writeFileSync(join(dir, 'key.pem'), own.key);
  writeFileSync(
    join(dir, 'pebble-config.json'),
    JSON.stringify({
      pebble: {
        listenAddress: `127.0.0.1:${listenPort}`,
        managementListenAddress: `127.0.0.1:${managementPort}`,
        certificate: join(dir, 'cert.pem'),
        privateKey: join(dir, 'key.pem'),
        // Where pebble asks for HTTP-01 answers: the listener under test.
        httpPort: options.challengePort,
        tlsPort,
        ocspResponderURL: '',
        externalAccountBindingRequired: false,
        certificateValidityPeriod: options.validitySeconds,
      },
    }),
  );

  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((child) => stopChild(child, 'SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const off = '';
    const [dnsCommand, dnsArgs] = guarded(
      'pebble-challtestsrv',
      [
        '-dns01',
        `127.0.0.1:${dnsPort}`,
        '-defaultIPv4',
        '127.0.0.1',
        '-defaultIPv6',
        off,
        '-http01',
        off,
        '-https01',
        off,
        '-tlsalpn01',
        off,
        '-management',
        `127.0.0.1:${dnsManagementPort}`,
      ],
      'TERM',
      null,
    );
    const dns = spawn(dnsCommand, dnsArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(dns);
    let dnsLog = '';
    dns.stdout?.on('data', (chunk: Buffer) => (dnsLog += chunk));
    dns.stderr?.on('data', (chunk: Buffer) => (dnsLog += chunk));
    await waitFor(
      'pebble-challtestsrv',
      dns,
      () => dnsLog,
      async () => dnsLog.includes('Starting challenge servers'),
    );

    const [command, args] = guarded(
      'pebble',
      ['-config', join(dir, 'pebble-config.json'), '-dnsserver', `127.0.0.1:${dnsPort}`],
      'TERM',
      null,
    );
    const pebble = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // No random sleeps before validating, no nonces rejected for practice, no authorisations
      // reused: every order is validated against the listener, at full speed.
      env: { ...process.env, PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0', PEBBLE_AUTHZREUSE: '0' },
    });
    children.push(pebble);
    let log = '';
    pebble.stdout?.on('data', (chunk: Buffer) => (log += chunk));
    pebble.stderr?.on('data', (chunk: Buffer) => (log += chunk));
    await waitFor(
      'pebble',
      pebble,
      () => log,
      async () => log.includes('Listening on'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    directoryUrl: `https://127.0.0.1:${listenPort}/dir`,
    directoryCa: own.cert,
    rootsUrl: `https://127.0.0.1:${managementPort}/roots/0`,
    stop: stopAll,
  };
}
