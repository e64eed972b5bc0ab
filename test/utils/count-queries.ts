import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

/**
 * Counts the SQL statements the in-process app sends while `work` runs (every TypeORM path goes
 * through PostgresQueryRunner.query). Instrumentation only: the statements still reach PostgreSQL.
 */
export async function countQueries<T>(work: () => Promise<T>, filter: (sql: string) => boolean = () => true): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, query: string, ...rest: unknown[]) {
    if (filter(query)) statements.push(query);
    return (original as (...args: unknown[]) => Promise<unknown>).call(this, query, ...rest);
  } as typeof original;
  try {
    const result = await work();
    return { result, count: statements.length, statements };
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
}

/** Statements that read or write data: not the session's own START TRANSACTION/COMMIT. */
export const dataStatements = (sql: string) => !/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|SET )/i.test(sql.trim());
