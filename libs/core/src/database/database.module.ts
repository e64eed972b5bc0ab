import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { RootLogger, jobRunnerLogger } from '../logging/logger.js';
import { buildDataSourceOptions, EntityList, MigrationList } from './data-source.factory.js';
import { type DatabaseTarget, resolveDatabaseTarget } from './database-target.js';
import { migrateDatabase } from './migrate.js';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** Owns the connection target (and the embedded server when there is one) for the whole app. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_TARGET,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: async (config: AppConfig, logger: RootLogger) => {
        const target = await resolveDatabaseTarget(config);
        logger.info({ context: 'database' }, `Using ${target.describe()}`);
        return target;
      },
    },
  ],
  exports: [DATABASE_TARGET],
})
export class DatabaseTargetModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.target.embedded) return;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.target.embedded.stop();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(parts: { entities: EntityList; migrations: MigrationList }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        DatabaseTargetModule,
        TypeOrmModule.forRootAsync({
          imports: [DatabaseTargetModule],
          inject: [DATABASE_TARGET, APP_CONFIG, ROOT_LOGGER],
          useFactory: (target: DatabaseTarget) =>
            buildDataSourceOptions({ url: target.url, poolSize: target.poolSize, ...parts }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('DataSource options missing');
            return new DataSource(options).initialize();
          },
        }),
      ],
      providers: [
        {
          provide: 'DATABASE_MIGRATED',
          inject: [getDataSourceToken(), DATABASE_TARGET, APP_CONFIG, ROOT_LOGGER],
          useFactory: async (dataSource: DataSource, target: DatabaseTarget, config: AppConfig, logger: RootLogger) => {
            if (!config.migrationsRun) return false;
            const applied = await migrateDatabase(dataSource, jobRunnerLogger(logger));
            if (applied.length) logger.info({ context: 'database', applied }, `Applied ${applied.length} migration(s)`);
            return true;
          },
        },
      ],
      exports: [TypeOrmModule, DatabaseTargetModule, 'DATABASE_MIGRATED'],
    };
  }
}
