import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { ApiProcess, FAULT_JWT_SECRET, spawnApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';
import { createFaultDb, FaultDb } from './support/fault-db.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOG_OUT = `mutation($t: String!) { logOut(refreshToken: $t) }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;

/**
 * Makes the database writable again. In a READ WRITE transaction: the pool's connection may be a new
 * one, opened while the database defaulted to read-only (an idle connection closes after 10 s, and a
 * slow start-up takes longer than that).
 */
const writable = (dbName: string) => `BEGIN READ WRITE; ALTER DATABASE ${dbName} SET default_transaction_read_only = off; COMMIT`;

describe('what the logs never show', () => {
  let db: FaultDb;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    db = await createFaultDb();
  }, 180_000);
  afterEach(async () => {
    api?.child.kill('SIGKILL');
    api = undefined;
    await db.sql(writable(new URL(db.url).pathname.slice(1)));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a read-only database at start: one line per attempt, no SQL or values, and it starts once writable', async () => {
    const dbName = new URL(db.url).pathname.slice(1);
    await db.sql(`ALTER DATABASE ${dbName} SET default_transaction_read_only = on`);
    // No JWT_SECRET: the token-signing key is generated and INSERTed at start, which a read-only database refuses.
    const starting = await spawnApi(db.url, { JWT_SECRET: '' });
    api = starting;
    await db.waitFor('a start-up failure', () => /could not start \(attempt 2\)/.test(starting.output()), 45_000);
    const output = starting.output();
    expect(output).toMatch(/Guildhall could not start \(attempt 1\): QueryFailedError \(25006\): cannot execute INSERT in a read-only transaction; retrying in 1 s/);
    expect(output).not.toMatch(/app_secrets|parameters|jwt_signing_key/);

    await db.sql(writable(dbName));
    await starting.waitReady(30_000);
    expect((await starting.signal('SIGTERM')).code).toBe(0);
  }, 90_000);

  it('at debug level, the account and webhook flows log no password, hash, token or secret', async () => {
    const webhookSecret = 'whsec_fault_test_0123456789abcdef';
    const started = await spawnApi(db.url, {
      LOG_LEVEL: 'debug',
      STRIPE_SECRET_KEY: 'sk_test_fault_0123456789',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_URL: 'http://127.0.0.1:9',
    });
    api = started;
    await started.waitReady(30_000);
    const password = 'Pa55word-that-must-stay-secret';
    const newPassword = 'N3w-password-that-must-stay-secret';
    const email = `logs.${Date.now()}@example.org`;

    const signUp = await started.gql(SIGN_UP, { input: { email, password, fullName: 'Log Watcher' } });
    expect(signUp.data?.signUp.accessToken).toBeDefined();
    const wrong = await started.gql(LOG_IN, { input: { email, password: `${password}-wrong` } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const login = await started.gql(LOG_IN, { input: { email, password } });
    const refreshed = await started.gql(REFRESH, { t: login.data.logIn.refreshToken });
    const reused = await started.gql(REFRESH, { t: login.data.logIn.refreshToken });
    expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const changed = await fetch(`${started.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUp.data.signUp.accessToken}` },
      body: JSON.stringify({ query: CHANGE_PASSWORD, variables: { c: password, n: newPassword } }),
    });
    expect(changed.status).toBe(200);
    await started.gql(LOG_OUT, { t: signUp.data.signUp.refreshToken });
    // A browser session: the refresh token travels only in Set-Cookie and Cookie headers.
    const browserLogIn = await fetch(`${started.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guildhall-session': 'cookie' },
      body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password: newPassword } } }),
    });
    const cookieToken = /guildhall_refresh=([^;]+)/.exec(browserLogIn.headers.getSetCookie().join('\n'))?.[1];
    expect(cookieToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookieRefresh = await fetch(`${started.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guildhall-session': 'cookie', cookie: `guildhall_refresh=${cookieToken}` },
      body: JSON.stringify({ query: 'mutation { refreshSession { accessToken } }' }),
    });
    const rotatedCookieToken = /guildhall_refresh=([^;]+)/.exec(cookieRefresh.headers.getSetCookie().join('\n'))?.[1];
    expect(rotatedCookieToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const payload = JSON.stringify({ id: 'evt_logs_1', object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_logs' } } });
    const signature = new Stripe('sk_test_fault_0123456789').webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const webhook = await fetch(`${started.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    expect(webhook.status).toBe(200);

    const [{ password_hash: hash }] = await db.sql(`SELECT password_hash FROM users WHERE email = $1`, [email]);
    const output = started.output();
    expect(output).toMatch(/"level":20/); // debug lines were written
    const secrets = {
      password,
      newPassword,
      hash,
      jwtSecret: FAULT_JWT_SECRET,
      webhookSecret,
      signature,
      accessToken: signUp.data.signUp.accessToken,
      refreshToken: signUp.data.signUp.refreshToken,
      rotatedRefresh: refreshed.data.refreshSession.refreshToken,
      cookieToken: cookieToken!,
      rotatedCookieToken: rotatedCookieToken!,
    };
    for (const [name, value] of Object.entries(secrets)) {
      expect({ name, found: output.includes(value) }).toEqual({ name, found: false });
    }
  }, 60_000);
});
