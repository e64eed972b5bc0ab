import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeStripe, startFakeStripe } from '../fake-stripe/index.js';
import { createEvent, register } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { withinLimit } from '../utils/small-pool.js';
import { errorCode, GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

const SECRET = 'whsec_reconcile_pool';
const RECONCILE = `mutation { reconcileStripe { eventsApplied paymentsRecorded failures } }`;

/** Fails the test instead of hanging it: a connection held while waiting for another would stall forever. */
const within = <T>(ms: number, what: string, work: Promise<T>) => withinLimit(what, work, ms);

describe('reconcileStripe on a pool of 2 connections', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp({ DB_POOL_SIZE: '2', STRIPE_SECRET_KEY: 'sk_test_pool', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url });
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET, autoDeliver: false });
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('runs to the end without waiting on the pool, applying a lost seat payment', async () => {
    const person = await signUpUser(t);
    const eventId = await createEvent(t, admin, { capacity: 5, memberPrice: 2000, nonMemberPrice: 3000 });
    const held = (await register(t, person, eventId)).data!.registerForEvent;
    const [{ checkout_session_id: sessionId }] = await t.sql(`SELECT checkout_session_id FROM event_registrations WHERE id = $1`, [held.id]);
    fake.completeCheckoutSession(sessionId); // no webhook delivered
    const result = await within(5_000, 'reconcileStripe', t.gql(RECONCILE, {}, admin.accessToken));
    expect(result.errors).toBeUndefined();
    expect(result.data!.reconcileStripe).toMatchObject({ paymentsRecorded: 1, failures: 0 });
    expect(await t.sql(`SELECT status FROM event_registrations WHERE id = $1`, [held.id])).toEqual([{ status: 'CONFIRMED' }]);
  });

  it('a second reconciliation while one runs gets CONFLICT; the first finishes, and the next one may run', async () => {
    // Stripe is slow to list events (one 5xx after 1.5 s, then the SDK's retry succeeds): the first run holds the lease meanwhile.
    fake.failNext({ method: 'GET', path: '/v1/events', status: 500, timeoutMs: 1_500 });
    const listedBefore = fake.requests.filter((r) => r.path === '/v1/events').length;
    const first = t.gql(RECONCILE, {}, admin.accessToken);
    await within(3_000, 'the first run to ask Stripe for events', (async () => {
      while (fake.requests.filter((r) => r.path === '/v1/events').length === listedBefore) await new Promise((r) => setTimeout(r, 20));
    })());
    const second = await within(5_000, 'the second reconcileStripe', t.gql(RECONCILE, {}, admin.accessToken));
    expect(errorCode(second)).toBe('CONFLICT');
    const done: GqlResult = await within(10_000, 'the first reconcileStripe', first);
    expect(done.errors).toBeUndefined();
    expect(await t.sql(`SELECT run_holder FROM stripe_sync_cursors WHERE run_holder IS NOT NULL`)).toEqual([]);
    const third = await within(5_000, 'the third reconcileStripe', t.gql(RECONCILE, {}, admin.accessToken));
    expect(third.errors).toBeUndefined();
  });

  it('a lease left by a crashed run expires and does not block the next run', async () => {
    await t.sql(`UPDATE stripe_sync_cursors SET run_holder = gen_random_uuid(), run_until = now() + interval '10 minutes'`);
    expect(errorCode(await t.gql(RECONCILE, {}, admin.accessToken))).toBe('CONFLICT');
    await t.sql(`UPDATE stripe_sync_cursors SET run_until = now() - interval '1 second'`);
    const result = await within(5_000, 'reconcileStripe', t.gql(RECONCILE, {}, admin.accessToken));
    expect(result.errors).toBeUndefined();
  });
});
