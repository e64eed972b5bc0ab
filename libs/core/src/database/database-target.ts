import { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** Where the app's PostgreSQL is: a server named by DATABASE_URL, or the embedded PGlite. */
export interface DatabaseTarget {
  url: string;
  /** Pool size for this target; on the embedded server (one session) the app and jobs share 2. */
  poolSize: number;
  embedded?: EmbeddedPostgres;
  describe(): string;
}

export async function resolveDatabaseTarget(config: AppConfig): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    const shown = new URL(config.databaseUrl);
    shown.password = shown.password ? '***' : '';
    return {
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      describe: () => `PostgreSQL at ${shown.host}${shown.pathname} (DATABASE_URL)`,
    };
  }
  const embedded = await EmbeddedPostgres.start(config.dataDir);
  return {
    url: embedded.url,
    // Two: one for the job runner's LISTEN, one that every statement takes in turn (see JobRunnerService).
    poolSize: 2,
    embedded,
    describe: () => `embedded PostgreSQL (PGlite) with data in ${embedded.dataDir} (set DATABASE_URL for a server)`,
  };
}
