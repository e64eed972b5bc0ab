/**
 * The one typed configuration object. Built once at start from the environment by `loadConfig`;
 * a bad value stops start-up with a message that names the variable.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** A PostgreSQL URL; undefined means "run on the embedded PGlite database". */
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize: number;
  migrationsRun: boolean;
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  adminEmail?: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  jobsEnabled: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: string;
  publicUrl: string;
  graphql: { maxDepth: number; maxCost: number; maxAliases: number; introspection: boolean };
  loginThrottle: { maxPerEmail: number; maxPerAddress: number; windowSeconds: number };
  stripe: { secretKey?: string; webhookSecret?: string; apiUrl?: string };
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}
