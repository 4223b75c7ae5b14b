import { describe, expect, it } from 'vitest';
import { coturnConfig } from './coturnConfig.ts';
import type { CoturnSettings } from './turnConfig.ts';

const settings: CoturnSettings = {
  mode: 'coturn',
  binary: '/usr/bin/turnserver',
  port: 3478,
  minPort: 50000,
  maxPort: 51999,
  listenIp: '10.0.0.5',
  publicIp: '203.0.113.7',
  peerIp: '203.0.113.7',
  secret: undefined,
  ttlSeconds: 600,
};
const lines = (text: string) => text.split('\n');

describe('coturn config', () => {
  it('listens on the media address and loopback (for the TLS demux), announcing the public address', () => {
    const config = lines(coturnConfig(settings, 'the-secret', '/data/turn'));
    expect(config).toEqual(
      expect.arrayContaining([
        'listening-port=3478',
        'listening-ip=10.0.0.5',
        'listening-ip=127.0.0.1',
        'relay-ip=10.0.0.5',
        'external-ip=203.0.113.7/10.0.0.5',
        'min-port=50000',
        'max-port=51999',
        'use-auth-secret',
        'static-auth-secret=the-secret',
        'no-tls',
        'userdb=/data/turn/turndb',
      ]),
    );
  });

  it('relays to the media server only', () => {
    const config = lines(coturnConfig(settings, 'the-secret', '/data/turn'));
    expect(config).toEqual(
      expect.arrayContaining(['denied-peer-ip=0.0.0.0-255.255.255.255', 'allowed-peer-ip=203.0.113.7']),
    );
    expect(config).not.toContain('allow-loopback-peers');
    const onLoopback = coturnConfig(
      { ...settings, listenIp: '127.0.0.1', publicIp: '127.0.0.1', peerIp: '127.0.0.1' },
      's',
      '/d',
    );
    expect(lines(onLoopback)).toEqual(
      expect.arrayContaining(['listening-ip=127.0.0.1', 'allowed-peer-ip=127.0.0.1', 'allow-loopback-peers']),
    );
    expect(lines(onLoopback).filter((line) => line.startsWith('listening-ip'))).toHaveLength(1);
    expect(onLoopback).not.toContain('external-ip');
  });

  it('listens everywhere when the media address is 0.0.0.0', () => {
    const config = coturnConfig({ ...settings, listenIp: '0.0.0.0' }, 's', '/d');
    expect(config).not.toContain('listening-ip');
    expect(config).not.toContain('relay-ip');
    expect(lines(config)).toContain('external-ip=203.0.113.7');
  });
});
