import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { preparingClient } from './prepared-statements.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { poolTypes } from './timestamptz.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function | string>;

export interface DataSourceParts {
  url: string;
  poolSize: number;
  entities: EntityList;
  migrations: MigrationList;
  applicationName?: string;
  /** Statements with parameters, and SELECT/WITH without, as named prepared statements (preparingClient); default true. */
  preparedStatements?: boolean;
}

/** The options every DataSource of ours shares: app, CLI and tests build theirs here. */
export function buildDataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    applicationName: parts.applicationName ?? 'guildhall',
    extra: {
      max: parts.poolSize,
      // Every statement is bounded, so one runaway query cannot pin a connection forever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      // timestamptz read by position (pg's own parser for everything else): see timestamptz.ts.
      types: poolTypes,
      ...(parts.preparedStatements === false ? {} : { Client: preparingClient() }),
    },
  };
}

export function createDataSource(parts: DataSourceParts): DataSource {
  return new DataSource(buildDataSourceOptions(parts));
}
