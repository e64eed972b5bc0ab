import autocannon, { type Result } from 'autocannon';
import { type Operation } from './scenarios.js';
import { printTable } from './table.js';

export interface HttpBenchOptions {
  url: string;
  token: string;
  /** Seconds per operation (BENCH_DURATION, default 10). */
  duration: number;
  /** Concurrent connections (BENCH_CONNECTIONS, default 20). */
  connections: number;
}

export interface HttpBenchRow {
  name: string;
  result: Result;
  graphqlErrors: number;
}

/**
 * Runs autocannon against each operation in turn. A 200 answer that carries GraphQL `errors` is
 * counted as an error too (autocannon alone only sees the status code).
 */
export async function runHttpBench(operations: Operation[], options: HttpBenchOptions): Promise<HttpBenchRow[]> {
  const rows: HttpBenchRow[] = [];
  for (const operation of operations) {
    let graphqlErrors = 0;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (operation.authenticated) headers.authorization = `Bearer ${operation.bearer ?? options.token}`;
    process.stdout.write(`  ${operation.name}: ${options.duration} s × ${options.connections} connections … `);
    const result = await autocannon({
      url: `${options.url}/graphql`,
      title: operation.name,
      connections: options.connections,
      duration: options.duration,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: operation.query, variables: operation.variables() }) }),
          onResponse: (status, body) => {
            if (status === 200 && body.includes('"errors"')) graphqlErrors++;
          },
        },
      ],
    });
    console.log(`${Math.round(result.requests.average)} req/s`);
    rows.push({ name: operation.name, result, graphqlErrors });
  }
  return rows;
}

export function printHttpTable(rows: HttpBenchRow[]): void {
  printTable(
    ['operation', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'GraphQL errors', 'socket errors'],
    rows.map(({ name, result, graphqlErrors }) => [
      name,
      result.requests.average.toFixed(1),
      result.latency.p50.toFixed(0),
      result.latency.p99.toFixed(0),
      result.requests.total,
      result.non2xx,
      graphqlErrors,
      result.errors + result.timeouts,
    ]),
  );
}
