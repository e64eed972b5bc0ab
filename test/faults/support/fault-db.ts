import pg from 'pg';
import { endPool } from '../../utils/end-pool.js';
import { createTestDatabase, TestDatabase } from '../../utils/test-db.js';

/** A fresh migrated database on the local server, with a client for the test's own checks. */
export interface FaultDb extends TestDatabase {
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Writes an outbox email and its delivery job, as OutboxService.enqueue does; returns the message id. */
  enqueueEmail(to: string): Promise<string>;
  lockedJobs(): Promise<number>;
  waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void>;
}

export async function createFaultDb(): Promise<FaultDb> {
  const db = await createTestDatabase();
  // Connections stay open: one opened after a test made the database read-only would be read-only itself
  // (pg closes idle ones after 10 s, which a loaded machine's slow start-up exceeds).
  const pool = new pg.Pool({ connectionString: db.url, max: 2, idleTimeoutMillis: 0 });
  const sql = async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[];
  return {
    url: db.url,
    sql,
    async enqueueEmail(to) {
      const [row] = await sql<{ id: string }>(
        `WITH m AS (INSERT INTO outbox_messages (to_address, template, subject, body_text) VALUES ($1, 'fault-test', 'Hello', 'Body') RETURNING id)
         SELECT m.id, (graphile_worker.add_job('deliver-email', json_build_object('messageId', m.id::text), max_attempts => 10)).id AS job_id FROM m`,
        [to],
      );
      return row.id;
    },
    async lockedJobs() {
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`);
      return row.n;
    },
    async waitFor(what, check, timeoutMs) {
      const started = Date.now();
      while (!(await check())) {
        if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async drop() {
      await endPool(pool);
      await db.drop();
    },
  };
}

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;

export function signUpInput(tag: string, i: number) {
  return { input: { email: `fault.${tag}.${i}.${Date.now()}@example.org`, password: 'fault test password', fullName: `Fault ${i}` } };
}
