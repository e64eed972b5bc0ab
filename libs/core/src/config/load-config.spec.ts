import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './app-config.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded database, migrations at start', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./.guildhall/data');
    expect(config.migrationsRun).toBe(true);
    expect(config.graphql.introspection).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ GUILDHALL_ADMIN_EMAIL: 'a@b.org' }, 'GUILDHALL_ADMIN_PASSWORD'],
    [{ GUILDHALL_MIGRATIONS_RUN: 'maybe' }, 'GUILDHALL_MIGRATIONS_RUN'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ GUILDHALL_METRICS_TOKEN: 'short' }, 'GUILDHALL_METRICS_TOKEN'],
    [{ GUILDHALL_METRICS: 'perhaps' }, 'GUILDHALL_METRICS'],
    [{ GUILDHALL_JOBS_HEARTBEAT_SECONDS: '60', GUILDHALL_JOBS_STALE_AFTER_SECONDS: '90' }, 'GUILDHALL_JOBS_STALE_AFTER_SECONDS'],
  ])('stops on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('turns introspection off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('keeps /metrics off unless a token or GUILDHALL_METRICS turns it on', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: false, token: undefined });
    expect(loadConfig({ GUILDHALL_METRICS_TOKEN: 'a-long-enough-token' }).metrics).toEqual({ enabled: true, token: 'a-long-enough-token' });
    expect(loadConfig({ GUILDHALL_METRICS: 'true' }).metrics).toEqual({ enabled: true, token: undefined });
  });

  it('recovers crashed jobs after two minutes by default', () => {
    expect(loadConfig({}).jobs).toEqual({ heartbeatSeconds: 30, staleAfterSeconds: 120 });
  });
});
