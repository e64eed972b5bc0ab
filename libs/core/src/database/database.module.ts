import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { RootLogger, jobRunnerLogger } from '../logging/logger.js';
import { buildDataSourceOptions, createDataSource, EntityList, MigrationList } from './data-source.factory.js';
import { type DatabaseTarget, resolveDatabaseTarget } from './database-target.js';
import { migrateDatabase } from './migrate.js';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');
/** True once pending migrations ran at start (false when GUILDHALL_MIGRATIONS_RUN=false). */
export const DATABASE_MIGRATED = 'DATABASE_MIGRATED';

interface SchemaParts {
  entities: EntityList;
  migrations: MigrationList;
}

/**
 * Resolves the database (starting the embedded server when there is no DATABASE_URL) and applies
 * pending migrations on a small DataSource of their own, under the migration lock, before the app's
 * pool opens.
 */
async function prepareDatabase(config: AppConfig, logger: RootLogger, parts: SchemaParts): Promise<DatabaseTarget & { migrated: boolean }> {
  const target = await resolveDatabaseTarget(config, (line) => logger.warn({ context: 'embedded-postgres' }, line));
  logger.info({ context: 'database' }, `Using ${target.describe()}`);
  if (!config.migrationsRun) return { ...target, migrated: false };
  const dataSource = await createDataSource({ url: target.url, poolSize: 2, preparedStatements: target.preparedStatements, applicationName: 'guildhall-migrations', ...parts }).initialize();
  try {
    const applied = await migrateDatabase(dataSource, jobRunnerLogger(logger));
    if (applied.length) logger.info({ context: 'database', applied }, `Applied ${applied.length} migration(s)`);
  } catch (error) {
    await target.embedded?.stop();
    throw error;
  } finally {
    await dataSource.destroy();
  }
  return { ...target, migrated: true };
}

/** Owns the connection target (and the embedded server when there is one) for the whole app. */
@Global()
@Module({})
export class DatabaseTargetModule implements OnApplicationShutdown {
  static forRoot(parts: SchemaParts): DynamicModule {
    return {
      module: DatabaseTargetModule,
      providers: [
        {
          provide: DATABASE_TARGET,
          inject: [APP_CONFIG, ROOT_LOGGER],
          useFactory: (config: AppConfig, logger: RootLogger) => prepareDatabase(config, logger, parts),
        },
        { provide: DATABASE_MIGRATED, inject: [DATABASE_TARGET], useFactory: (target: { migrated: boolean }) => target.migrated },
      ],
      exports: [DATABASE_TARGET, DATABASE_MIGRATED],
    };
  }

  constructor(
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  /** The pool closes before the embedded server stops, so no client sees the server vanish. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.target.embedded) return;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.target.embedded.stop();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(parts: SchemaParts): DynamicModule {
    const target = DatabaseTargetModule.forRoot(parts);
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        target,
        TypeOrmModule.forRootAsync({
          imports: [target],
          inject: [DATABASE_TARGET],
          useFactory: (resolved: DatabaseTarget) => buildDataSourceOptions({ url: resolved.url, poolSize: resolved.poolSize, preparedStatements: resolved.preparedStatements, ...parts }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('DataSource options missing');
            return new DataSource(options).initialize();
          },
        }),
      ],
      exports: [TypeOrmModule, target],
    };
  }
}
