import { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

/** Where the app's PostgreSQL is: a server named by DATABASE_URL, or the embedded one this process runs. */
export interface DatabaseTarget {
  url: string;
  poolSize: number;
  /** See preparingClient: off for a pooler that does not keep prepared statements per client. */
  preparedStatements: boolean;
  embedded?: EmbeddedPostgres;
  describe(): string;
}

export async function resolveDatabaseTarget(config: AppConfig, onLog?: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    const shown = new URL(config.databaseUrl);
    shown.password = shown.password ? '***' : '';
    return {
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      preparedStatements: config.dbPreparedStatements,
      describe: () => `PostgreSQL at ${shown.host}${shown.pathname} (DATABASE_URL)`,
    };
  }
  const embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir, onLog });
  return {
    url: embedded.url,
    poolSize: config.dbPoolSize,
    preparedStatements: config.dbPreparedStatements,
    embedded,
    describe: () =>
      `embedded PostgreSQL ${embedded.version} on 127.0.0.1:${embedded.port} with data in ${embedded.dataDir} (set DATABASE_URL to use a server)`,
  };
}
