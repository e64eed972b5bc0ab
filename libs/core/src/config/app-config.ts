import { type EncryptionKey } from '../secrets/encryption-keys.js';

/**
 * The one typed configuration object. Built once at start from the environment by `loadConfig`;
 * a bad value stops start-up with a message that names the variable.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** A PostgreSQL URL; undefined means "run on the embedded PostgreSQL server in dataDir". */
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize: number;
  /** Statements with parameters run as named prepared statements (DB_PREPARED_STATEMENTS, default true). */
  dbPreparedStatements: boolean;
  migrationsRun: boolean;
  jwtSecret?: string;
  /** GUILDHALL_ENCRYPTION_KEYS: seal secrets kept in the database (see SecretBox); the first seals, all open. Empty: stored plain. */
  encryptionKeys: EncryptionKey[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** How long a query may reuse a session's viewer in this process (see ViewerCache); 0 reads it on every request. */
  viewerCacheSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  jobsEnabled: boolean;
  jobs: {
    /** How often a process with a job runner says it is alive (and releases dead processes' jobs). */
    heartbeatSeconds: number;
    /** A job locked this long by a worker no live process vouches for is released for a retry. */
    staleAfterSeconds: number;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: string;
  publicUrl: string;
  graphql: { maxDepth: number; maxCost: number; maxAliases: number; introspection: boolean };
  loginThrottle: { maxPerEmail: number; maxPerAddress: number; windowSeconds: number };
  /** Account emails people can ask for (password reset, verification, email change): per address and per client. */
  accountEmailThrottle: { maxPerEmail: number; maxPerAddress: number; windowSeconds: number };
  stripe: {
    secretKey?: string;
    webhookSecret?: string;
    apiUrl?: string;
    /** Per attempt; the SDK's default (80 s) is far longer than anyone waits at checkout. */
    timeoutMs: number;
    /** Retries after the first attempt (network errors, 409, 5xx), each with the same idempotency key. */
    maxNetworkRetries: number;
  };
  events: {
    /** How long a seat offered from the waitlist waits for its person. */
    offerWindowMinutes: number;
    /** How long a paid seat is held while the person pays (Stripe's minimum is 30). */
    holdMinutes: number;
    /** How many times a person whose offer lapsed goes back to the end of the waitlist. */
    offerRequeues: number;
  };
  /** Discussions: posts (threads and replies) one person may write per minute. */
  discussions: {
    postsPerMinute: number;
    /** Shared secret of POST /webhooks/inbound-email (HMAC-SHA256); unset = reply by email is off. */
    inboundEmailSecret?: string;
    /** The domain of reply addresses (reply+<token>@domain), routed to that endpoint by the mail service. */
    replyDomain?: string;
  };
  /** Uploaded files: an S3-compatible bucket when set (credentials from the AWS SDK's usual sources), else GUILDHALL_DATA_DIR/files. */
  s3?: { bucket: string; region: string; endpoint?: string; forcePathStyle: boolean };
  trustProxy: boolean;
  /** Outgoing webhooks: private and loopback targets are refused unless allowed (SSRF); each attempt is bounded. */
  webhooks: { allowPrivateTargets: boolean; timeoutMs: number };
  /** GET /metrics (Prometheus): off unless enabled; with a token, only `Authorization: Bearer <token>` may read it. */
  metrics: { enabled: boolean; token?: string };
  /** The built portal (index.html and assets/), served at `/`; an absolute path. */
  webDir: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}
