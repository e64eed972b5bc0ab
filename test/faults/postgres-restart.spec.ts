import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../../libs/core/src/database/embedded/embedded-postgres.js';
import { eventInput } from '../factories/events.js';
import { ApiProcess, freePort, startApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';

const ADMIN = { email: 'restart.admin@example.org', password: 'restart admin password' };
const CAPACITY = 12;
const PEOPLE = 30;
const PASSWORD = 'restart test password';

/**
 * The database goes away under load and comes back (a PostgreSQL restart, a failover): requests fail
 * cleanly only while it is gone, the same process answers again afterwards without a restart, and the
 * seat limit held throughout. The test owns the PostgreSQL server (embedded, on a fixed port) so that it
 * can stop and start it.
 */
describe('PostgreSQL restarted under load', () => {
  let dataDir: string;
  let port: number;
  let server: EmbeddedPostgres;
  let api: ApiProcess;

  /**
   * One new connection per request (no keep-alive): a pooled socket that the server closes for idling
   * while the test reuses it answers ECONNRESET, a race of the client, not of the API under test.
   */
  function gql(query: string, variables: Record<string, unknown>, token?: string) {
    const body = JSON.stringify({ query, variables });
    return new Promise<{ status: number; text: string; body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } }>((resolve, reject) => {
      const request = http.request(
        `${api.url}/graphql`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text, body: JSON.parse(text) }));
          response.on('error', reject);
        },
      );
      request.on('error', (error) => reject(new Error(`${String(error)}; the API said:\n${api.output().slice(-4000)}`)));
      request.end(body);
    });
  }

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-restart-'));
    port = await freePort();
    server = await EmbeddedPostgres.start({ dataDir, port, durable: false });
    api = await startApi(server.url, { GUILDHALL_ADMIN_EMAIL: ADMIN.email, GUILDHALL_ADMIN_PASSWORD: ADMIN.password });
  }, 90_000);

  afterAll(async () => {
    await api?.signal('SIGTERM');
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('fails cleanly during the outage, recovers by itself, and never oversells', async () => {
    const admin = await gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: ADMIN });
    const adminToken: string = admin.body.data.logIn.accessToken;
    const created = await gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: eventInput({ capacity: CAPACITY }) }, adminToken);
    const eventId: string = created.body.data.createEvent.id;
    await gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: eventId }, adminToken);

    const tokens: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const signedUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
        input: { email: `restart.${i}@example.org`, password: PASSWORD, fullName: `Restart ${i}` },
      });
      tokens.push(signedUp.body.data.signUp.accessToken);
    }
    const registerAs = (token: string) => gql(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status } }`, { eventId }, token);

    // A third register before the outage, a third try during it, the rest (and the failed ones) after.
    const before = await Promise.all(tokens.slice(0, 10).map(registerAs));
    expect(before.every((r) => r.body.data?.registerForEvent)).toBe(true);

    await server.stop();
    const during = await Promise.all(tokens.slice(10, 20).map(registerAs));
    for (const answer of during) {
      expect(answer.body.data?.registerForEvent ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions?.code).toBeDefined();
      // Clean errors: no SQL, no stack, no connection details for the client.
      expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bat \w+ \(|SELECT|INSERT/);
    }

    server = await EmbeddedPostgres.start({ dataDir, port, durable: false });
    const deadline = Date.now() + 30_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const me = await gql(`{ me { id } }`, {}, tokens[0]);
      recovered = Boolean(me.body.data?.me);
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);

    const after = await Promise.all(tokens.slice(10).map(registerAs));
    expect(after.map((r) => r.body.errors?.[0]?.message ?? 'ok')).toEqual(after.map(() => 'ok'));

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT e.seats_taken AS "seatsTaken",
                (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED')) AS seats,
                (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'WAITLISTED') AS waitlisted
           FROM events e WHERE e.id = $1`,
        [eventId],
      );
      expect(rows[0]).toEqual({ seatsTaken: CAPACITY, seats: CAPACITY, waitlisted: PEOPLE - CAPACITY });
    } finally {
      await client.end();
    }
    expect(api.child.exitCode).toBeNull();
  }, 180_000);
});
