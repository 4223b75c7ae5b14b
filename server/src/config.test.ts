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
});
