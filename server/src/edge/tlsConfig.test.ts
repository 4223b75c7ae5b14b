import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { firstLanAddress } from './lanAddress.ts';
import { LETS_ENCRYPT_DIRECTORY } from './tlsConfig.ts';

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }
    : { address, family, internal, netmask: 'ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 };

describe('the LAN address', () => {
  it('is the first IPv4 address that is not loopback, link-local last', () => {
    expect(
      firstLanAddress({
        lo: [nic('127.0.0.1', true)],
        eth0: [nic('fe80::1', false, 'IPv6'), nic('169.254.3.4')],
        wlan0: [nic('192.168.1.20')],
      }),
    ).toBe('192.168.1.20');
    expect(firstLanAddress({ lo: [nic('127.0.0.1', true)], eth0: [nic('169.254.3.4')] })).toBe('169.254.3.4');
    expect(firstLanAddress({ lo: [nic('127.0.0.1', true)] })).toBeUndefined();
  });
});

describe('TLS configuration', () => {
  it('stays plain http on localhost by default, as before', () => {
    const config = loadConfig({});
    expect(config.tls).toEqual({ kind: 'none' });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.media.listenIp).toBe('127.0.0.1');
    expect(config.media.announcedIp).toBeUndefined();
  });

  it('serves certificate files on 443 on every interface unless told otherwise', () => {
    const config = loadConfig({ PLENARY_TLS_CERT: '/etc/plenary/cert.pem', PLENARY_TLS_KEY: '/etc/plenary/key.pem' });
    expect(config.tls).toEqual({
      kind: 'files',
      certFile: '/etc/plenary/cert.pem',
      keyFile: '/etc/plenary/key.pem',
      httpPort: undefined,
      checkMs: 60_000,
    });
    expect([config.port, config.host]).toEqual([443, '0.0.0.0']);
    expect(loadConfig({ PLENARY_TLS_CERT: 'c', PLENARY_TLS_KEY: 'k', PORT: '8443', HOST: '10.1.1.1' }).port).toBe(8443);
  });

  it('obtains a certificate for PLENARY_DOMAIN from Let’s Encrypt, answering challenges on port 80', () => {
    const config = loadConfig({ PLENARY_DOMAIN: 'Plenary.Example.org' });
    expect(config.tls).toEqual({
      kind: 'acme',
      domain: 'plenary.example.org',
      directoryUrl: LETS_ENCRYPT_DIRECTORY,
      email: undefined,
      directoryCaFile: undefined,
      httpPort: 80,
      checkMs: 60_000,
    });
    expect([config.port, config.host]).toEqual([443, '0.0.0.0']);
    const custom = loadConfig({
      PLENARY_DOMAIN: 'plenary.example.org',
      PLENARY_ACME_DIRECTORY: 'https://acme.internal/dir',
      PLENARY_ACME_EMAIL: 'ops@example.org',
      PLENARY_HTTP_PORT: '8080',
    });
    expect(custom.tls).toMatchObject({
      directoryUrl: 'https://acme.internal/dir',
      email: 'ops@example.org',
      httpPort: 8080,
    });
  });

  it('serves the LAN on its address, with media announced there', () => {
    const config = loadConfig({ PLENARY_LAN: '1', PLENARY_LAN_ADDRESS: '192.168.1.20' });
    expect(config.tls).toEqual({ kind: 'lan', address: '192.168.1.20' });
    expect([config.port, config.host]).toEqual([3000, '0.0.0.0']);
    expect(config.media.listenIp).toBe('0.0.0.0');
    expect(config.media.announcedIp).toBe('192.168.1.20');
    // An operator's own media settings win.
    const own = loadConfig({
      PLENARY_LAN: 'true',
      PLENARY_LAN_ADDRESS: '192.168.1.20',
      PLENARY_ANNOUNCED_IP: '198.51.100.4',
    });
    expect(own.media.announcedIp).toBe('198.51.100.4');
  });

  it('refuses contradictory or malformed TLS settings, naming the variable', () => {
    expect(() => loadConfig({ PLENARY_TLS_CERT: 'c' })).toThrow(/PLENARY_TLS_CERT and PLENARY_TLS_KEY go together/);
    expect(() => loadConfig({ PLENARY_TLS_KEY: 'k' })).toThrow(/PLENARY_TLS_CERT and PLENARY_TLS_KEY go together/);
    expect(() => loadConfig({ PLENARY_TLS_CERT: 'c', PLENARY_TLS_KEY: 'k', PLENARY_DOMAIN: 'a.example.org' })).toThrow(
      /choose one/,
    );
    expect(() => loadConfig({ PLENARY_DOMAIN: 'a.example.org', PLENARY_LAN: '1' })).toThrow(/choose one/);
    expect(() => loadConfig({ PLENARY_DOMAIN: 'localhost' })).toThrow(/PLENARY_DOMAIN/);
    expect(() => loadConfig({ PLENARY_DOMAIN: 'bad_name.example.org' })).toThrow(/PLENARY_DOMAIN/);
    expect(() => loadConfig({ PLENARY_DOMAIN: 'a.example.org', PLENARY_ACME_DIRECTORY: 'ftp://x' })).toThrow(
      /PLENARY_ACME_DIRECTORY/,
    );
    expect(() => loadConfig({ PLENARY_DOMAIN: 'a.example.org', PLENARY_ACME_EMAIL: 'nobody' })).toThrow(
      /PLENARY_ACME_EMAIL/,
    );
    expect(() => loadConfig({ PLENARY_LAN: 'yes' })).toThrow(/PLENARY_LAN/);
    expect(() => loadConfig({ PLENARY_LAN: '1', PLENARY_LAN_ADDRESS: 'laptop.local' })).toThrow(/PLENARY_LAN_ADDRESS/);
    expect(() => loadConfig({ PLENARY_HTTP_PORT: '70000' })).toThrow(/PLENARY_HTTP_PORT/);
  });
});
