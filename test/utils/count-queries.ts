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

/** Every statement but transaction control (START TRANSACTION/COMMIT...). */
export const sqlStatements = (sql: string) => !/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|SET )/i.test(sql.trim());

/** The auth guard's read of the viewer's session (SessionsRepository's VIEWER_FOR_SESSION; a query may skip it, see ViewerCache). */
export const isViewerLookup = (sql: string) => sql.trimStart().startsWith('/* viewer for session */');

/**
 * Statements that read or write the request's data: not transaction control, and not the viewer's session lookup,
 * which a query makes or not depending on the process's ViewerCache (so counts compare alike across requests).
 */
export const dataStatements = (sql: string) => sqlStatements(sql) && !isViewerLookup(sql);
