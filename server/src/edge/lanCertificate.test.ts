// LAN mode's certificates: made once, kept, remade for a new address, and trusted through the
// authority a device installs (checked with node's own TLS client, as a browser would).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger, servedFingerprint } from '../../test/edge/tls.ts';
import { fingerprintOf } from './certificate.ts';
import { startEdge } from './edge.ts';
import { lanCertificates } from './lanCertificate.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-lan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LAN certificates', () => {
  it('are made once for the address (in the SAN), then kept across starts', async () => {
    const first = await lanCertificates(dir, '192.168.1.20', Date.now());
    expect(first.made).toBe(true);
    expect(first.served.leaf.subjectAltName).toBe('IP Address:192.168.1.20');
    expect(first.served.leaf.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(first.served.leaf.checkIssued(first.authority.leaf)).toBe(true);
    expect(first.authority.leaf.ca).toBe(true);
    expect(first.served.leaf.ca).toBe(false);

    const again = await lanCertificates(dir, '192.168.1.20', Date.now());
    expect(again.made).toBe(false);
    expect(fingerprintOf(again.served)).toBe(fingerprintOf(first.served));
    expect(fingerprintOf(again.authority)).toBe(fingerprintOf(first.authority));
  });

  it('remakes only the leaf for a new address, so a device that trusts the authority still does', async () => {
    const first = await lanCertificates(dir, '192.168.1.20', Date.now());
    const moved = await lanCertificates(dir, '10.0.0.7', Date.now());
    expect(moved.made).toBe(true);
    expect(moved.served.leaf.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(moved.served.leaf.checkIP('192.168.1.20')).toBeUndefined();
    expect(fingerprintOf(moved.authority)).toBe(fingerprintOf(first.authority));
  });

  it('remakes a leaf close to its end', async () => {
    const first = await lanCertificates(dir, '192.168.1.20', Date.now());
    const later = await lanCertificates(dir, '192.168.1.20', Date.now() + 380 * 24 * 60 * 60 * 1000);
    expect(later.made).toBe(true);
    expect(fingerprintOf(later.served)).not.toBe(fingerprintOf(first.served));
  });

  it('are served over https, verified by a client that trusts only the authority', async () => {
    const { logger, lines } = recordingLogger();
    // 127.0.0.1 stands in for the LAN address: the test may only talk to loopback.
    const edge = await startEdge({ kind: 'lan', address: '127.0.0.1' }, { dataDir: dir, host: '127.0.0.1', logger });
    const server = edge.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const lan = await lanCertificates(join(dir, 'tls'), '127.0.0.1', Date.now());
      expect(lan.made).toBe(false);
      expect(await servedFingerprint(port)).toBe(fingerprintOf(lan.served));
      const authorized = await new Promise<boolean>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, ca: lan.authority.cert }, () => {
          resolve(socket.authorized);
          socket.end();
        });
        socket.once('error', reject);
      });
      expect(authorized).toBe(true);
      expect(edge.origin(port)).toBe(`https://127.0.0.1:${port}`);
      const notes = edge.notes().join('\n');
      expect(notes).toContain(fingerprintOf(lan.served));
      expect(notes).toContain(join(dir, 'tls', 'lan-ca.crt'));
      expect(lines.find((line) => line.msg === 'LAN certificate made')).toBeDefined();
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await edge.close();
    }
  });
});
