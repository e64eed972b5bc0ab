import { pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig, migrateDatabase, resolveDatabaseTarget } from '../../libs/core/src/index.js';
import { guildhallDataSource } from '../../migrations/data-source.js';

export interface SeedDatabase {
  dataSource: DataSource;
  description: string;
  close(): Promise<void>;
}

/**
 * The database the app would use (DATABASE_URL, or the embedded one in GUILDHALL_DATA_DIR),
 * brought up to date with the migrations first.
 */
export async function openSeedDatabase(): Promise<SeedDatabase> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const target = await resolveDatabaseTarget(config);
  const dataSource = await guildhallDataSource(target.url, 2, { applicationName: 'guildhall-seed' }).initialize();
  await migrateDatabase(dataSource);
  return {
    dataSource,
    description: target.describe(),
    async close() {
      await dataSource.destroy();
      await target.embedded?.stop();
    },
  };
}

/** `--name value` from argv, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
}

/** Runs `main` when the module is the program (not when it is imported), then exits. */
export function runMain(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
