import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_MIGRATED } from '../database/database.module.js';
import { type RootLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { SEALED_PREFIX, type SealedColumn, SecretBox } from './secret-box.js';

const BATCH = 500;

/**
 * The columns that hold sealed secrets, registered by the libraries that own them (onModuleInit). At start it
 * refuses to run when stored values were sealed with a key GUILDHALL_ENCRYPTION_KEYS lacks, or that does not open
 * them (rather than fail at the first log-in or webhook), then reseals with the current key every value that is plain or under an older key:
 * setting keys, or putting a new key first, takes effect for stored values on the next start.
 */
@Injectable()
export class SecretsAtRest implements OnApplicationBootstrap {
  private readonly columns: SealedColumn[] = [];

  constructor(
    private readonly box: SecretBox,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_MIGRATED) private readonly _migrated: boolean,
  ) {}

  register(column: SealedColumn): void {
    if (this.columns.some((c) => c.table === column.table && c.column === column.column)) {
      throw new Error(`Sealed column ${column.table}.${column.column} registered twice`);
    }
    this.columns.push(column);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const column of this.columns) await this.checkKeys(column);
    const current = this.box.currentKeyId;
    if (current === undefined) {
      const level = this.config.nodeEnv === 'production' ? 'warn' : 'debug';
      this.logger[level]({ context: 'secrets' }, 'GUILDHALL_ENCRYPTION_KEYS is not set: webhook signing secrets and TOTP secrets are stored unencrypted');
      return;
    }
    for (const column of this.columns) {
      try {
        const resealed = await this.reseal(column, current);
        if (resealed) this.logger.info({ context: 'secrets', column: `${column.table}.${column.column}`, resealed }, `Resealed ${resealed} secrets with key "${current}"`);
      } catch (error) {
        if (error instanceof ConfigError) throw error; // a value its key (by id) does not open
        // A read-only database (a replica, a full disk) still starts: every value still opens with the keys given.
        this.logger.warn({ context: 'secrets', err: error }, `Could not reseal ${column.table}.${column.column} with key "${current}"; will try at the next start`);
      }
    }
  }

  /** One value per key id must open: a key missing, or another key given under a used id, stops the start here. */
  private async checkKeys(column: SealedColumn): Promise<void> {
    const value = ident(column.column);
    const samples: Array<{ v: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (split_part(${value}, ':', 3)) ${value} AS v FROM ${ident(column.table)} WHERE starts_with(${value}, $1)`,
      [SEALED_PREFIX],
    );
    for (const sample of samples) this.box.open(column, sample.v);
  }

  /**
   * Rewrites each value not under `current`, one statement per batch of 500 (100,000 TOTP seeds: 200 statements);
   * a row changed meanwhile (by a newer write, sealed with the current key) is left as it is.
   */
  private async reseal(column: SealedColumn, current: string): Promise<number> {
    const [table, key, value] = [ident(column.table), ident(column.key), ident(column.column)];
    let resealed = 0;
    for (;;) {
      const rows: Array<{ k: string; v: string }> = await this.dataSource.query(
        `SELECT ${key}::text AS k, ${value} AS v FROM ${table} WHERE NOT starts_with(${value}, $1) ORDER BY ${key} LIMIT ${BATCH}`,
        [`${SEALED_PREFIX}${current}:`],
      );
      if (!rows.length) return resealed;
      const [, changed]: [unknown[], number] = await this.dataSource.query(
        `UPDATE ${table} t SET ${value} = v.sealed
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(k, stored, sealed)
          WHERE t.${key}::text = v.k AND t.${value} = v.stored`,
        [rows.map((row) => row.k), rows.map((row) => row.v), rows.map((row) => this.box.seal(column, this.box.open(column, row.v)))],
      );
      resealed += changed;
      if (rows.length < BATCH || changed === 0) return resealed;
    }
  }
}

/** Table and column names come from the registering library's constants; quoted all the same. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
