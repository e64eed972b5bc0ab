import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';
import { createAdminUser, signUpUser } from '../factories/users.js';
import { applicant, CONFIRM, countRows, createTier, type DuesStack, membershipOf, payCheckout, START_CHECKOUT, startDuesStack } from '../factories/dues.js';

describe('Stripe failing: retries with one idempotency key, timeouts', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    // A short per-attempt timeout keeps the timeout test quick; the SDK still makes 1 + 2 attempts.
    s = await startDuesStack({ STRIPE_TIMEOUT_MS: '400' });
    tier = await createTier(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  const sessionCalls = () => s.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');

  it('Stripe answering 500 twice then 200: one session, the same idempotency key on every attempt', async () => {
    const who = await applicant(s, tier.id);
    const before = sessionCalls().length;
    s.fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 500, times: 2 });
    const result = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: true }, who.user.accessToken);
    expect(result.errors).toBeUndefined();
    const attempts = sessionCalls().slice(before);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    const keys = new Set(attempts.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(new RegExp(`^dues-checkout:${who.membershipId}:first:subscription:price_\\w+:0$`));
    const sessions = [...s.fake.store.checkoutSessions.values()].filter((x) => x.client_reference_id === who.membershipId);
    expect(sessions).toHaveLength(1);
    expect(result.data!.startDuesCheckout.id).toBe(sessions[0].id);
  });

  it('the member retrying after Stripe failed every attempt reuses the key: still one session', async () => {
    const who = await applicant(s, tier.id);
    const before = sessionCalls().length;
    s.fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 503, times: 3 });
    const failed = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: true }, who.user.accessToken);
    expect(errorCode(failed)).toBe('PAYMENT_PROVIDER_ERROR');
    expect(failed.errors![0].extensions.retryable).toBe(true);
    const again = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: true }, who.user.accessToken);
    expect(again.errors).toBeUndefined();
    const keys = new Set(sessionCalls().slice(before).map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...s.fake.store.checkoutSessions.values()].filter((x) => x.client_reference_id === who.membershipId)).toHaveLength(1);
  });

  it('a lost answer (Stripe made the session, the reply never came) is recovered by the retry: the same session', async () => {
    const who = await applicant(s, tier.id);
    s.fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 500, afterProcessing: true, times: 1 });
    const result = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: false }, who.user.accessToken);
    expect(result.errors).toBeUndefined();
    expect([...s.fake.store.checkoutSessions.values()].filter((x) => x.client_reference_id === who.membershipId)).toHaveLength(1);
  });

  it('Stripe timing out: a retryable PAYMENT_PROVIDER_ERROR and no local paid state', async () => {
    const who = await applicant(s, tier.id);
    s.fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', timeoutMs: 2_000, times: 3 });
    const result = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: true }, who.user.accessToken);
    expect(errorCode(result)).toBe('PAYMENT_PROVIDER_ERROR');
    expect(result.errors![0].extensions.retryable).toBe(true);
    expect((await membershipOf(s, who)).status).toBe('PENDING_PAYMENT');
    expect(await countRows(s, `SELECT 1 FROM dues_checkout_sessions WHERE membership_id = $1`, [who.membershipId])).toBe(0);
    expect(await countRows(s, `SELECT 1 FROM payments WHERE user_id = $1`, [who.user.id])).toBe(0);
  });

  it('the success page while Stripe times out: retryable error, nothing recorded; it works once Stripe answers', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    s.fake.failNext({ method: 'GET', path: /^\/v1\/checkout\/sessions\//, timeoutMs: 2_000, times: 3 });
    const result = await s.t.gql(CONFIRM, { sessionId: paid.sessionId }, paid.user.accessToken);
    expect(errorCode(result)).toBe('PAYMENT_PROVIDER_ERROR');
    expect(result.errors![0].extensions.retryable).toBe(true);
    expect(await countRows(s, `SELECT 1 FROM payments WHERE user_id = $1`, [paid.user.id])).toBe(0);
    expect((await membershipOf(s, paid)).status).toBe('PENDING_PAYMENT');
    expect((await s.t.gql(CONFIRM, { sessionId: paid.sessionId }, paid.user.accessToken)).data!.confirmCheckout.status).toBe('ACTIVE');
  });
});

describe('no STRIPE_SECRET_KEY: the server starts, paid operations refuse clearly, free tiers work', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers PAYMENTS_NOT_CONFIGURED for paid operations and 503 on the webhook; free tiers still join', async () => {
    const admin = await createAdminUser(t);
    const tier = async (amount: number) =>
      (
        await t.gql(
          `mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id } }`,
          { input: { name: `T${amount}-${Date.now()}`, price: { amount, currency: 'EUR' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 0, eventDiscountPercent: 0 } },
          admin.accessToken,
        )
      ).data!.createMembershipTier.id as string;
    const paidTier = await tier(5_000);
    const freeTier = await tier(0);
    const apply = `mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id status } }`;

    const payer = await signUpUser(t);
    const pending = (await t.gql(apply, { tierId: paidTier }, payer.accessToken)).data!.applyForMembership;
    expect(pending.status).toBe('PENDING_PAYMENT');
    const checkout = await t.gql(START_CHECKOUT, { membershipId: pending.id, autoRenew: true }, payer.accessToken);
    expect(errorCode(checkout)).toBe('PAYMENTS_NOT_CONFIGURED');
    expect(checkout.errors![0].message).toMatch(/STRIPE_SECRET_KEY/);
    expect(errorCode(await t.gql(`mutation { createBillingPortalSession }`, {}, payer.accessToken))).toBe('PAYMENTS_NOT_CONFIGURED');
    expect(errorCode(await t.gql(`mutation { reconcileStripe { eventsScanned } }`, {}, admin.accessToken))).toBe('PAYMENTS_NOT_CONFIGURED');

    const webhook = await fetch(`${t.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' }, body: '{}' });
    expect(webhook.status).toBe(503);

    const freeloader = await signUpUser(t);
    expect((await t.gql(apply, { tierId: freeTier }, freeloader.accessToken)).data!.applyForMembership.status).toBe('ACTIVE');

    // Offline payments need no Stripe.
    const offline = await t.gql(
      `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { status amount { amount currency } } }`,
      { input: { membershipId: pending.id, amount: { amount: 5_000, currency: 'EUR' }, method: 'CHEQUE', reference: '000123' } },
      admin.accessToken,
    );
    expect(offline.errors).toBeUndefined();
    expect((await t.gql(`query($id: ID!) { user(id: $id) { membership { status } } }`, { id: payer.id }, payer.accessToken)).data!.user.membership.status).toBe('ACTIVE');
  });
});
