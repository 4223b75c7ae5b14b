import { describe, expect, it } from 'vitest';
import { loadTurnSettings, type TurnContext } from './turnConfig.ts';

const lan: TurnContext = { host: '0.0.0.0', media: { listenIp: '10.0.0.5', announcedIp: '203.0.113.7' } };
const local: TurnContext = { host: '127.0.0.1', media: { listenIp: '127.0.0.1', announcedIp: undefined } };
const installed = (name: string) => `/usr/bin/${name}`;
const missing = () => undefined;

describe('TURN settings', () => {
  it('runs coturn by default on a server others reach, when coturn is installed', () => {
    expect(loadTurnSettings({}, lan, installed)).toEqual({
      mode: 'coturn',
      binary: '/usr/bin/turnserver',
      port: 3478,
      minPort: 50000,
      maxPort: 51999,
      listenIp: '10.0.0.5',
      publicIp: '203.0.113.7',
      peerIp: '203.0.113.7',
      secret: undefined,
      ttlSeconds: 12 * 3600,
    });
  });

  it('is off by default on loopback, without coturn, or when told so', () => {
    expect(loadTurnSettings({}, local, installed)).toEqual({ mode: 'off' });
    expect(loadTurnSettings({}, lan, missing)).toEqual({ mode: 'off' });
    expect(loadTurnSettings({ PLENARY_TURN: 'off' }, lan, installed)).toEqual({ mode: 'off' });
  });

  it('runs coturn on loopback when asked to, with the ports and secret given', () => {
    const settings = loadTurnSettings(
      {
        PLENARY_TURN: 'auto',
        PLENARY_TURN_PORT: '3479',
        PLENARY_TURN_MIN_PORT: '52000',
        PLENARY_TURN_MAX_PORT: '52100',
        PLENARY_TURN_SECRET: 'sixteen-chars-or-more',
        PLENARY_TURN_TTL_S: '300',
      },
      local,
      installed,
    );
    expect(settings).toMatchObject({
      mode: 'coturn',
      port: 3479,
      minPort: 52000,
      maxPort: 52100,
      publicIp: '127.0.0.1',
      secret: 'sixteen-chars-or-more',
      ttlSeconds: 300,
    });
  });

  it('hands out an external TURN server with its secret', () => {
    const env = { PLENARY_TURN_URLS: 'turn:turn.example.org:3478, turns:turn.example.org:443?transport=tcp' };
    expect(loadTurnSettings({ ...env, PLENARY_TURN_SECRET: 'sixteen-chars-or-more' }, lan, installed)).toEqual({
      mode: 'external',
      urls: ['turn:turn.example.org:3478', 'turns:turn.example.org:443?transport=tcp'],
      secret: 'sixteen-chars-or-more',
      ttlSeconds: 12 * 3600,
    });
  });

  it('refuses settings that cannot work, naming the variable', () => {
    const secret = { PLENARY_TURN_SECRET: 'sixteen-chars-or-more' };
    expect(() => loadTurnSettings({ PLENARY_TURN_URLS: 'turn:t.example.org' }, lan, installed)).toThrow(
      /PLENARY_TURN_SECRET/,
    );
    expect(() => loadTurnSettings({ PLENARY_TURN_URLS: 'http://t.example.org', ...secret }, lan, installed)).toThrow(
      /PLENARY_TURN_URLS/,
    );
    expect(() =>
      loadTurnSettings({ PLENARY_TURN: 'auto', PLENARY_TURN_URLS: 'turn:t.example.org', ...secret }, lan, installed),
    ).toThrow(/set one/);
    expect(() => loadTurnSettings({ PLENARY_TURN: 'auto' }, lan, missing)).toThrow(/apt-get install coturn/);
    expect(() =>
      loadTurnSettings(
        { PLENARY_TURN: 'auto' },
        { host: '0.0.0.0', media: { listenIp: '0.0.0.0', announcedIp: undefined } },
        installed,
      ),
    ).toThrow(/PLENARY_ANNOUNCED_IP/);
    expect(() => loadTurnSettings({ PLENARY_TURN_SECRET: 'short' }, lan, installed)).toThrow(/PLENARY_TURN_SECRET/);
    expect(() => loadTurnSettings({ PLENARY_TURN_SECRET: 'has a space in it, too' }, lan, installed)).toThrow(
      /PLENARY_TURN_SECRET/,
    );
    expect(() =>
      loadTurnSettings({ PLENARY_TURN_MIN_PORT: '52000', PLENARY_TURN_MAX_PORT: '51000' }, lan, installed),
    ).toThrow(/PLENARY_TURN_MIN_PORT/);
    expect(() => loadTurnSettings({ PLENARY_TURN: 'yes' }, lan, installed)).toThrow(/PLENARY_TURN/);
  });
});
