import { hash } from 'node:crypto';
import pg from 'pg';
import { rememberedUpTo } from '../memo/remembered-up-to.js';
import { type RowShape, ShapedQuery } from './statement-rows.js';

/** How many prepared statements each connection keeps (the least recently used is deallocated beyond). */
export const PREPARED_STATEMENTS_PER_CONNECTION = 100;

/**
 * The name a statement's text is prepared under: its digest, so every connection and process agree on it; remembered
 * by text (a digest of a 2 KB text was 2% of a study group read's CPU).
 */
export const preparedStatementName = rememberedUpTo(2_000, (text: string) => `gh_${hash('sha1', text, 'base64url')}`);

/** A statement that reads (or writes through a CTE): prepared without parameters too, its plan then kept as it is. */
const QUERY = /^\s*(SELECT|WITH)\b/i;

type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * PostgreSQL refuses a prepared statement whose result columns changed since it was prepared (a migration applied by
 * another process while this one serves): the statement is dropped, so only its first execution after fails.
 */
function isStalePlan(error: Error): boolean {
  return (error as Error & { code?: string }).code === '0A000' && error.message.includes('cached plan must not change result type');
}
interface ParsedStatements {
  parsedStatements: Record<string, string>;
}

/**
 * A pg Client that runs every statement with parameters, and every SELECT or WITH without, as a named prepared
 * statement, so PostgreSQL parses and plans each distinct text once per connection instead of once per execution
 * (with parameters, after five executions it may keep a generic plan when that costs no more than the custom ones:
 * PostgreSQL's own rule, `plan_cache_mode`; without, the one plan is kept). Other statements without parameters
 * (BEGIN, COMMIT, SET, DDL …) keep the simple protocol, and a query object (a stream, a named query of
 * graphile-worker's) is passed through unchanged. Texts are expected to carry values as parameters: one that inlines
 * them costs an eviction (a DEALLOCATE) per new text once the connection's list is full, nothing more.
 *
 * Each connection keeps its `limit` most recently used statements; the oldest beyond is deallocated, and forgotten by
 * pg only once PostgreSQL has dropped it (a DEALLOCATE refused in an aborted transaction leaves both sides agreeing it
 * is still there); so is one whose result columns a migration changed (`isStalePlan`). The name is the text's digest:
 * two texts under one name would be refused by pg, never confused.
 *
 * Off (`DB_PREPARED_STATEMENTS=false`) for a pooler that does not keep prepared statements per client, such as
 * PgBouncer in transaction mode before 1.21.
 */
export function preparingClient(limit = PREPARED_STATEMENTS_PER_CONNECTION): typeof pg.Client {
  return class PreparingClient extends pg.Client {
    /** Names prepared on this connection, least recently used first. */
    private readonly prepared = new Map<string, true>();
    /** How each prepared statement's rows are read (`ShapedQuery`), by name. */
    private readonly shapes = new Map<string, RowShape>();

    override query(config: unknown, values?: unknown, callback?: unknown): never {
      const submit = super.query as (c: unknown, v?: unknown, cb?: unknown) => never;
      if (typeof config === 'string' && (Array.isArray(values) ? values.length > 0 || QUERY.test(config) : values === undefined && QUERY.test(config))) {
        const name = preparedStatementName(config);
        this.remember(name);
        // A Query built from the text and named after (pg clones a config object by its property descriptors, 1.4%
        // of a short read's CPU), submitted as pg submits its own; its rows read by the statement's kept shape.
        const query = new ShapedQuery(config, values as unknown[] | undefined, name, this.shapes) as ShapedQuery & { callback?: QueryCallback };
        const answer = (done: QueryCallback): QueryCallback => (error, result) => {
          if (error && isStalePlan(error)) this.drop(name);
          done(error, result);
        };
        if (typeof callback === 'function') {
          query.callback = answer(callback as QueryCallback);
          return submit.call(this, query);
        }
        return new Promise((resolve, reject) => {
          query.callback = answer((error, result) => (error ? reject(error) : resolve(result)));
          submit.call(this, query);
        }) as never;
      }
      return submit.call(this, config, values, callback);
    }

    private remember(name: string): void {
      if (this.prepared.delete(name)) {
        this.prepared.set(name, true);
        return;
      }
      this.prepared.set(name, true);
      if (this.prepared.size <= limit) return;
      this.drop(this.prepared.keys().next().value as string);
    }

    /**
     * Deallocates `name` on this connection; pg forgets it (it reads `connection.parsedStatements`, as @dataplan/pg's
     * LRU does) only once the server dropped it, so a refusal leaves both sides agreeing it is still there.
     */
    private drop(name: string): void {
      this.prepared.delete(name);
      this.shapes.delete(name);
      const connection = (this as unknown as { connection: ParsedStatements }).connection;
      if (connection.parsedStatements[name] === undefined) return;
      const done: QueryCallback = (error) => {
        if (!error) delete connection.parsedStatements[name];
      };
      (super.query as (c: unknown, v?: unknown, cb?: unknown) => void)(`DEALLOCATE ${this.escapeIdentifier(name)}`, undefined, done);
    }
  } as unknown as typeof pg.Client;
}
