import { type INestApplication } from '@nestjs/common';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { createApp } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../libs/core/src/index.js';
import { DIRECTORY, type Operation, SEARCH_TERM } from './scenarios.js';
import { printTable } from './table.js';

const TRANSACTION_CONTROL = /^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|SET |SAVEPOINT|RELEASE)/i;

interface Count {
  name: string;
  data: number;
  control: number;
  rows: number | null;
}

/**
 * SQL statements per request: a second, in-process copy of the API on the same database, whose
 * every statement (all TypeORM paths go through PostgresQueryRunner.query) is counted while one
 * request is answered. Each operation runs once unmeasured first, so one-time work (loading the
 * signing key) is not counted. The production code is not changed for this.
 */
export async function countStatements(databaseUrl: string, operations: Operation[], token: string, deepCursor: string): Promise<Count[]> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'silent', GUILDHALL_JOBS_ENABLED: 'false', GUILDHALL_MIGRATIONS_RUN: 'false', DB_POOL_SIZE: '4' });
  const app: INestApplication = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}/graphql`;
  const statements: string[] = [];
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, query: string, ...rest: unknown[]) {
    statements.push(query);
    return (original as (...args: unknown[]) => Promise<unknown>).call(this, query, ...rest);
  } as typeof original;

  const send = async (query: string, variables: Record<string, unknown>, authenticated: boolean, bearer = token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authenticated ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, { edges?: unknown[] }>; errors?: unknown[] };
    if (body.errors) throw new Error(`statement count: ${JSON.stringify(body.errors)}`);
    return body.data?.memberDirectory?.edges?.length ?? null;
  };
  const measure = async (name: string, query: string, variables: () => Record<string, unknown>, authenticated: boolean, bearer?: string): Promise<Count> => {
    await send(query, variables(), authenticated, bearer);
    statements.length = 0;
    const rows = await send(query, variables(), authenticated, bearer);
    const control = statements.filter((s) => TRANSACTION_CONTROL.test(s.trim())).length;
    return { name, data: statements.length - control, control, rows };
  };

  try {
    const counts: Count[] = [];
    for (const op of operations) counts.push(await measure(op.name, op.query, op.variables, op.authenticated, op.bearer));
    for (const first of [10, 100]) {
      counts.push(await measure(`directory first page (first: ${first})`, DIRECTORY, () => ({ first }), true));
      counts.push(await measure(`directory page 50 (first: ${first})`, DIRECTORY, () => ({ first, after: deepCursor }), true));
      counts.push(await measure(`directory search "${SEARCH_TERM}" (first: ${first})`, DIRECTORY, () => ({ first, search: SEARCH_TERM }), true));
    }
    return counts;
  } finally {
    PostgresQueryRunner.prototype.query = original;
    await app.close();
  }
}

export function printStatementTable(counts: Count[]): void {
  printTable(
    ['operation', 'data statements', 'BEGIN/COMMIT', 'rows returned'],
    counts.map((c) => [c.name, c.data, c.control, c.rows ?? '-']),
  );
}
