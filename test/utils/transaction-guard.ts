import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

const insideTransaction = new AsyncLocalStorage<true>();
let installed = false;

/**
 * Test-time check for a bug that a roomy pool hides: a statement sent on ANOTHER connection while the
 * caller's transaction is open (e.g. a repository called without the transaction's manager). It reads
 * outside the transaction's snapshot and locks, and when the pool is busy it waits for a connection
 * that the waiting transaction itself holds: the server stalls. Installed by startTestApp, so every
 * e2e test fails fast and names the statement instead.
 */
export function installTransactionGuard(): void {
  if (installed) return;
  installed = true;
  const transaction = DataSource.prototype.transaction;
  DataSource.prototype.transaction = function (this: DataSource, ...args: unknown[]) {
    return insideTransaction.run(true, () => (transaction as (...a: unknown[]) => unknown).apply(this, args));
  } as typeof transaction;
  const query = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, sql: string, ...rest: unknown[]) {
    if (insideTransaction.getStore() && !this.isTransactionActive && !/^\s*(START TRANSACTION|BEGIN)/i.test(sql)) {
      return Promise.reject(new Error(`A statement went to another connection while a transaction was open (it can stall a busy pool): ${sql.slice(0, 300)}`));
    }
    return (query as (...a: unknown[]) => Promise<unknown>).call(this, sql, ...rest);
  } as typeof query;
}
