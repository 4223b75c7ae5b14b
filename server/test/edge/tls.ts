// What the TLS tests share: certificates to serve, the fingerprint a real TLS client is shown, a
// logger whose lines the test reads, and waiting for something that happens on a timer.
import { connect } from 'node:tls';
import { pino } from 'pino';
import { generate } from 'selfsigned';
import type { Logger } from '../../src/logger.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface TestCertificate {
  cert: string;
  key: string;
}

/** A self-signed certificate for `names` (DNS) and `ips`, valid from yesterday for `days`. */
export async function makeCertificate(
  options: { names?: string[]; ips?: string[]; days?: number } = {},
): Promise<TestCertificate> {
  const names = options.names ?? ['localhost'];
  const ips = options.ips ?? ['127.0.0.1'];
  const pems = await generate([{ name: 'commonName', value: names[0] ?? ips[0] ?? 'test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - DAY),
    notAfterDate: new Date(Date.now() + (options.days ?? 30) * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The SHA-256 fingerprint of the certificate a TLS client is shown on 127.0.0.1:`port`. */
export function servedFingerprint(port: number, servername = 'localhost'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerX509Certificate()?.fingerprint256;
      socket.end();
      if (fingerprint) resolve(fingerprint);
      else reject(new Error('no certificate was served'));
    });
    socket.once('error', reject);
  });
}

/** A logger that keeps its lines (parsed) for the test to read. */
export function recordingLogger(): { logger: Logger; lines: Array<{ level: number; msg: string; err?: string }> } {
  const lines: Array<{ level: number; msg: string; err?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
