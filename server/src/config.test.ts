import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const secret = 'a-secret-every-node-shares-0123456789';

describe('loadConfig', () => {
  it('runs on SQLite, alone, by default', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.cluster).toBeUndefined();
    expect(config.tokenSecret).toBeUndefined();
  });

  it('takes PostgreSQL and a Redis for several nodes, with the prefix their keys share', () => {
    const config = loadConfig({
      PLENARY_DATABASE_URL: 'postgres://plenary@db.internal:5432/plenary',
      PLENARY_REDIS_URL: 'redis://cache.internal:6379',
      PLENARY_TOKEN_SECRET: secret,
    });
    expect(config.databaseUrl).toBe('postgres://plenary@db.internal:5432/plenary');
    expect(config.cluster).toEqual({ redisUrl: 'redis://cache.internal:6379', redisPrefix: 'plenary' });
    expect(config.tokenSecret).toBe(secret);
  });

  it('refuses several nodes without a shared database or a shared token secret, and malformed URLs', () => {
    expect(() => loadConfig({ PLENARY_REDIS_URL: 'redis://cache:6379', PLENARY_TOKEN_SECRET: secret })).toThrow(
      /PLENARY_DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ PLENARY_REDIS_URL: 'redis://cache:6379', PLENARY_DATABASE_URL: 'postgres://db/p' }),
    ).toThrow(/PLENARY_TOKEN_SECRET/);
    expect(() => loadConfig({ PLENARY_DATABASE_URL: 'mysql://db/p' })).toThrow(/PLENARY_DATABASE_URL/);
    expect(() => loadConfig({ PLENARY_REDIS_URL: 'http://cache' })).toThrow(/PLENARY_REDIS_URL/);
    expect(() => loadConfig({ PLENARY_TOKEN_SECRET: 'short' })).toThrow(/PLENARY_TOKEN_SECRET/);
    expect(() => loadConfig({ PLENARY_REDIS_PREFIX: 'has spaces' })).toThrow(/PLENARY_REDIS_PREFIX/);
  });

  it('gives worker i the media port PLENARY_RTC_PORT + i, apart from the range links between nodes use', () => {
    const config = loadConfig({ PLENARY_WORKERS: '4' });
    expect(config.media).toMatchObject({ rtcPort: 40000, minPort: 40100, maxPort: 49999 });
    expect(loadConfig({ PLENARY_RTC_PORT: '0' }).media.rtcPort).toBe(0);
    expect(loadConfig({ PLENARY_RTC_PORT: '50000' }).media.rtcPort).toBe(50000);
  });

  it("refuses media ports that overlap the links' range or run past 65535", () => {
    expect(() =>
      loadConfig({ PLENARY_WORKERS: '2', PLENARY_RTC_PORT: '40099', PLENARY_RTC_MIN_PORT: '40100' }),
    ).toThrow(
      "the workers' media ports 40099–40100 (PLENARY_RTC_PORT + one per worker) overlap PLENARY_RTC_MIN_PORT–PLENARY_RTC_MAX_PORT (40100–49999)",
    );
    expect(() => loadConfig({ PLENARY_WORKERS: '2', PLENARY_RTC_PORT: '65535' })).toThrow(/beyond port 65535/);
    expect(() => loadConfig({ PLENARY_RTC_PORT: '80' })).toThrow(/PLENARY_RTC_PORT/);
  });
});
