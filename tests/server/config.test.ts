// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';

describe('loadConfig', () => {
  it('runs on SQLite in ./data with registration closed when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      database: { dialect: 'sqlite', file: path.resolve('data', 'coorie.db') },
      openRegistration: false,
      trustProxy: 0,
      cookieSecure: false,
      syncRateLimit: 120,
      staticDir: path.resolve('dist'),
      logLevel: 'info',
    });
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://coorie@db.internal:5432/coorie' });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://coorie@db.internal:5432/coorie' });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.dialect).toBe('sqlite');
  });

  it('reads flags and numbers', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/coorie',
      OPEN_REGISTRATION: 'TRUE',
      TRUST_PROXY: '1',
      COOKIE_SECURE: 'yes',
      STATIC_DIR: '/srv/coorie',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: { dialect: 'sqlite', file: '/var/lib/coorie/coorie.db' },
      openRegistration: true,
      trustProxy: 1,
      cookieSecure: true,
      syncRateLimit: 120,
      staticDir: '/srv/coorie',
      logLevel: 'warn',
    });
  });

  it('reads TRUST_PROXY as a number of proxies, with true meaning one and false none', () => {
    const hops = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect([hops('true'), hops('YES'), hops('false'), hops(''), hops('0'), hops('1'), hops('2')]).toEqual([
      1, 1, 0, 0, 0, 1, 2,
    ]);
    for (const value of ['many', '-1', '1.5', '11', '10.0.0.1']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be true, false or a number/);
    }
  });

  it('keeps metrics and client addresses out of sight unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      logIp: false,
      metrics: { port: undefined, host: '127.0.0.1', token: undefined },
    });
    expect(loadConfig({ METRICS_PORT: '', METRICS_TOKEN: '' }).metrics).toEqual({
      port: undefined,
      host: '127.0.0.1',
      token: undefined,
    });
    const config = loadConfig({ LOG_IP: 'true', METRICS_PORT: '9464', METRICS_TOKEN: 'a-token-of-twenty-chars' });
    expect(config).toMatchObject({ logIp: true, metrics: { port: 9464, token: 'a-token-of-twenty-chars' } });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in the middle' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT/);
  });

  it('names every variable that is wrong', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', OPEN_REGISTRATION: 'maybe', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/OPEN_REGISTRATION/);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });
});
