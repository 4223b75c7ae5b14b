import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iceServersFor, turnPassword, turnSecretFromDataDir, turnUsername } from './credentials.ts';

const settings = {
  urls: ['turn:192.0.2.1:3478?transport=udp'],
  secret: 'a-secret-shared-with-coturn',
  ttlSeconds: 600,
};

describe('TURN REST credentials', () => {
  it('names the expiry and the participant in the username, and signs it with the shared secret', () => {
    const ice = iceServersFor(settings, 'p-1', 1_700_000_000_500);
    expect(ice.expiresAt).toBe(1_700_000_600_000);
    expect(ice.servers).toEqual([
      {
        urls: settings.urls,
        username: '1700000600:p-1',
        credential: createHmac('sha1', settings.secret).update('1700000600:p-1').digest('base64'),
      },
    ]);
  });

  it('matches a credential computed independently (RFC 2104 HMAC-SHA1, base64)', () => {
    // openssl: printf '1433895918506:my_username' | openssl dgst -sha1 -hmac my_secret -binary | base64
    expect(turnUsername(1433895918506, 'my_username')).toBe('1433895918506:my_username');
    expect(turnPassword('my_secret', '1433895918506:my_username')).toBe('gKwSWE2uKuZnhCArog06lwc23/A=');
  });

  it('differs per participant and per secret', () => {
    const a = iceServersFor(settings, 'p-1', 0).servers[0];
    const b = iceServersFor(settings, 'p-2', 0).servers[0];
    const c = iceServersFor({ ...settings, secret: 'another-secret-entirely' }, 'p-1', 0).servers[0];
    expect(a?.credential).not.toBe(b?.credential);
    expect(a?.credential).not.toBe(c?.credential);
  });

  it('hands out nothing when there is no TURN server', () => {
    expect(iceServersFor({ ...settings, urls: [] }, 'p-1', 0)).toEqual({ servers: [], expiresAt: null });
  });

  it('makes the shared secret once and keeps it, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-turn-secret-'));
    const first = turnSecretFromDataDir(dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(turnSecretFromDataDir(dir)).toBe(first);
    expect(readFileSync(join(dir, 'turn-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'turn-secret')).mode & 0o077).toBe(0);
  });
});
