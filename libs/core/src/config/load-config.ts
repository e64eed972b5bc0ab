import { resolve } from 'node:path';
import { parseEncryptionKeys } from '../secrets/encryption-keys.js';
import { AppConfig, ConfigError } from './app-config.js';

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** A shared secret: 16 characters at least. */
function secret(env: Env, name: string): string | undefined {
  const raw = str(env, name);
  if (raw !== undefined && raw.length < 16) throw new ConfigError(name, 'must be at least 16 characters');
  return raw;
}

function domain(env: Env, name: string): string | undefined {
  const raw = str(env, name)?.toLowerCase();
  if (raw !== undefined && !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(raw)) throw new ConfigError(name, `must be a domain name, got "${raw}"`);
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/** Reads and validates every setting. Throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const jwtSecret = str(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  const adminEmail = str(env, 'GUILDHALL_ADMIN_EMAIL');
  const adminPassword = str(env, 'GUILDHALL_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail === undefined ? 'GUILDHALL_ADMIN_EMAIL' : 'GUILDHALL_ADMIN_PASSWORD',
      'must be set together with its pair (GUILDHALL_ADMIN_EMAIL and GUILDHALL_ADMIN_PASSWORD)',
    );
  }
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('GUILDHALL_ADMIN_PASSWORD', 'must be at least 10 characters');
  }
  const bodyLimit = str(env, 'GUILDHALL_BODY_LIMIT') ?? '2mb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit)) throw new ConfigError('GUILDHALL_BODY_LIMIT', 'must look like 500kb or 2mb');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const heartbeatSeconds = int(env, 'GUILDHALL_JOBS_HEARTBEAT_SECONDS', 30, 1, 600);
  const staleAfterSeconds = int(env, 'GUILDHALL_JOBS_STALE_AFTER_SECONDS', 120, 2, 86400);
  if (staleAfterSeconds < heartbeatSeconds * 2) {
    throw new ConfigError('GUILDHALL_JOBS_STALE_AFTER_SECONDS', `must be at least twice GUILDHALL_JOBS_HEARTBEAT_SECONDS (${heartbeatSeconds})`);
  }

  const rawKeys = str(env, 'GUILDHALL_ENCRYPTION_KEYS');
  const encryptionKeys = rawKeys === undefined ? [] : parseEncryptionKeys(rawKeys);
  if (typeof encryptionKeys === 'string') throw new ConfigError('GUILDHALL_ENCRYPTION_KEYS', encryptionKeys);

  const metricsToken = str(env, 'GUILDHALL_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('GUILDHALL_METRICS_TOKEN', 'must be at least 16 characters');
  const metricsOpen = bool(env, 'GUILDHALL_METRICS', false);

  return {
    nodeEnv,
    port,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: str(env, 'GUILDHALL_DATA_DIR') ?? './.guildhall/data',
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    dbPreparedStatements: bool(env, 'DB_PREPARED_STATEMENTS', true),
    migrationsRun: bool(env, 'GUILDHALL_MIGRATIONS_RUN', true),
    jwtSecret,
    encryptionKeys,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    viewerCacheSeconds: int(env, 'VIEWER_CACHE_SECONDS', 5, 0, 60),
    adminEmail,
    adminPassword,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(env, 'MAIL_FROM') ?? 'Guildhall <no-reply@guildhall.local>',
    jobsEnabled: bool(env, 'GUILDHALL_JOBS_ENABLED', true),
    jobs: { heartbeatSeconds, staleAfterSeconds },
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimit,
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    graphql: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 50000, 100, 10_000_000),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    },
    loginThrottle: {
      maxPerEmail: int(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', 5, 1, 1000),
      maxPerAddress: int(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
      windowSeconds: int(env, 'LOGIN_THROTTLE_WINDOW_SECONDS', 900, 1, 86400),
    },
    accountEmailThrottle: {
      maxPerEmail: int(env, 'ACCOUNT_EMAILS_MAX_PER_EMAIL', 3, 1, 1000),
      maxPerAddress: int(env, 'ACCOUNT_EMAILS_MAX_PER_ADDRESS', 30, 1, 100000),
      windowSeconds: int(env, 'ACCOUNT_EMAILS_WINDOW_SECONDS', 3600, 1, 86400),
    },
    stripe: {
      secretKey: str(env, 'STRIPE_SECRET_KEY'),
      webhookSecret: str(env, 'STRIPE_WEBHOOK_SECRET'),
      apiUrl: url(env, 'STRIPE_API_URL', ['http:', 'https:']),
      timeoutMs: int(env, 'STRIPE_TIMEOUT_MS', 10_000, 100, 120_000),
      maxNetworkRetries: int(env, 'STRIPE_MAX_NETWORK_RETRIES', 2, 0, 5),
    },
    events: {
      offerWindowMinutes: int(env, 'EVENTS_OFFER_WINDOW_HOURS', 24, 1, 24 * 14) * 60,
      holdMinutes: int(env, 'EVENTS_HOLD_MINUTES', 30, 30, 24 * 60),
      offerRequeues: int(env, 'EVENTS_OFFER_REQUEUES', 1, 0, 10),
    },
    discussions: {
      postsPerMinute: int(env, 'DISCUSSIONS_POSTS_PER_MINUTE', 10, 1, 1000),
      inboundEmailSecret: secret(env, 'DISCUSSIONS_INBOUND_EMAIL_SECRET'),
      replyDomain: domain(env, 'DISCUSSIONS_REPLY_DOMAIN'),
    },
    s3: str(env, 'GUILDHALL_S3_BUCKET')
      ? {
          bucket: str(env, 'GUILDHALL_S3_BUCKET')!,
          region: str(env, 'GUILDHALL_S3_REGION') ?? 'us-east-1',
          endpoint: url(env, 'GUILDHALL_S3_ENDPOINT', ['http:', 'https:']),
          forcePathStyle: bool(env, 'GUILDHALL_S3_FORCE_PATH_STYLE', str(env, 'GUILDHALL_S3_ENDPOINT') !== undefined),
        }
      : undefined,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    webhooks: {
      allowPrivateTargets: bool(env, 'WEBHOOKS_ALLOW_PRIVATE_TARGETS', false),
      timeoutMs: int(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, 100, 60_000),
    },
    metrics: { enabled: metricsOpen || metricsToken !== undefined, token: metricsToken },
    webDir: resolve(str(env, 'GUILDHALL_WEB_DIR') ?? 'dist/web'),
  };
}
