import { pino } from 'pino';

/** Properties of database errors that carry SQL text or bound values (a password hash, a key, a token). */
const SQL_CARRYING = ['query', 'parameters', 'driverError', 'detail', 'where', 'internalQuery', 'hint'];

/**
 * pino's error serializer copies every enumerable property: a TypeORM QueryFailedError would print
 * its `query` and `parameters` (an INSERT of the token-signing key, a password hash). Keep the name,
 * message, stack, PostgreSQL code and constraint; drop the SQL and its values, also in causes.
 */
export function safeErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrub(serialized, 0);
}

function scrub(serialized: Record<string, unknown>, depth: number): Record<string, unknown> {
  const driver = serialized.driverError as { code?: string } | undefined;
  for (const key of SQL_CARRYING) delete serialized[key];
  if (driver?.code && !serialized.code) serialized.code = driver.code;
  if (depth < 3 && serialized.cause && typeof serialized.cause === 'object') scrub(serialized.cause as Record<string, unknown>, depth + 1);
  return serialized;
}

/** One line for an operator, never SQL or values: `QueryFailedError (25006): cannot execute INSERT in a read-only transaction`. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0];
  const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
  const causes = error instanceof AggregateError ? ` (${error.errors.map((e) => describeError(e)).join('; ')})` : '';
  return `${error.name}${code ? ` (${code})` : ''}: ${error.message.split('\n')[0]}${causes}`;
}
