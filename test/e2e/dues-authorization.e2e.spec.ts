import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, type GqlResult } from '../utils/test-app.js';
import { activeMember, applicant, createTier, deliverAll, type DuesStack, type PaidCheckout, paymentsOf, startDuesStack } from '../factories/dues.js';

type Who = 'anonymous' | 'owner' | 'another member' | 'admin';

const MY_PAYMENTS = `{ myPayments(first: 10) { totalCount edges { node { id user { id } amount { amount currency } status purpose method } } } }`;
const PAYMENTS = `query($userId: ID) { payments(first: 10, userId: $userId) { totalCount edges { node { id user { id fullName } } } } }`;
const REFUND = `mutation($id: ID!) { refundPayment(paymentId: $id, amount: 100) { id amountRefunded { amount } } }`;
const OFFLINE = `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id method user { id } } }`;
const CHECKOUT = `mutation($m: ID!) { startDuesCheckout(membershipId: $m, autoRenew: false) { id url } }`;
const CONFIRM = `mutation($sid: String!) { confirmCheckout(sessionId: $sid) { id } }`;
const REPORT = `query($from: DateTime!, $to: DateTime!) { duesReport(from: $from, to: $to) {
  collected { amount currency } refunded { amount currency } net { amount currency } payments activeAutoRenewals
  byTierAndMonth { month tierId tierName collected { amount currency } refunded { amount currency } payments } } }`;
const RECONCILE = `mutation { reconcileStripe { eventsScanned } }`;

describe('dues authorization matrix: anonymous, owner, another member, admin', () => {
  let s: DuesStack;
  let tier: { id: string };
  let owner: PaidCheckout;
  let other: TestUser;
  let paymentId: string;
  const token = (who: Who) => (who === 'anonymous' ? undefined : who === 'owner' ? owner.user.accessToken : who === 'admin' ? s.admin.accessToken : other.accessToken);

  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s, { amount: 8_000, currency: 'EUR' });
    owner = await activeMember(s, tier.id);
    other = await signUpUser(s.t);
    paymentId = (await paymentsOf(s, owner.membershipId))[0].id;
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Runs the operation as each caller in turn (admin last, after `beforeAdmin`) and checks each error code. */
  async function matrix(run: (who: Who) => Promise<GqlResult>, expected: Record<Who, string | null>, beforeAdmin?: () => Promise<void>): Promise<Record<Who, GqlResult>> {
    const results = {} as Record<Who, GqlResult>;
    for (const who of ['anonymous', 'owner', 'another member', 'admin'] as Who[]) {
      if (who === 'admin') await beforeAdmin?.();
      results[who] = await run(who);
      expect([who, errorCode(results[who]) ?? null]).toEqual([who, expected[who]]);
    }
    return results;
  }

  it('myPayments: signed-in only, each sees only their own (and Payment.user is themselves)', async () => {
    const results = await matrix((who) => s.t.gql(MY_PAYMENTS, {}, token(who)), { anonymous: 'UNAUTHENTICATED', owner: null, 'another member': null, admin: null });
    expect(results.owner.data!.myPayments.edges.map((e: any) => e.node)).toEqual([
      { id: paymentId, user: { id: owner.user.id }, amount: { amount: 8_000, currency: 'EUR' }, status: 'SUCCEEDED', purpose: 'DUES', method: 'card' },
    ]);
    expect(results['another member'].data!.myPayments.totalCount).toBe(0);
    expect(results.admin.data!.myPayments.totalCount).toBe(0);
  });

  it('payments (the ledger, with Payment.user): admins only', async () => {
    const results = await matrix((who) => s.t.gql(PAYMENTS, { userId: owner.user.id }, token(who)), {
      anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', 'another member': 'FORBIDDEN', admin: null,
    });
    expect(results.admin.data!.payments.edges[0].node).toEqual({ id: paymentId, user: { id: owner.user.id, fullName: 'Test Member' } });
    expect(results.owner.data).toBeNull();
  });

  it('refundPayment: admins only; refusals change nothing', async () => {
    const results = await matrix(
      (who) => s.t.gql(REFUND, { id: paymentId }, token(who)),
      { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', 'another member': 'FORBIDDEN', admin: null },
      async () => expect(await s.t.sql(`SELECT 1 FROM payment_refunds WHERE payment_id = $1`, [paymentId])).toHaveLength(0),
    );
    expect(results.admin.data!.refundPayment.amountRefunded.amount).toBe(100);
  });

  it('recordOfflinePayment: admins only', async () => {
    const pending = await applicant(s, tier.id);
    const input = (ref: string) => ({ membershipId: pending.membershipId, amount: { amount: 8_000, currency: 'EUR' }, method: 'BANK_TRANSFER', reference: ref });
    const results = await matrix((who) => s.t.gql(OFFLINE, { input: input(`ref-${who}`) }, token(who)), {
      anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', 'another member': 'FORBIDDEN', admin: null,
    });
    expect(results.admin.data!.recordOfflinePayment).toMatchObject({ method: 'bank_transfer', user: { id: pending.user.id } });
    expect(errorCode(await s.t.gql(OFFLINE, { input: input('ref-admin') }, token('admin')))).toBe('CONFLICT'); // the same bank reference twice
  });

  it('startDuesCheckout: the owner only (another member: not found; an admin cannot pay for someone)', async () => {
    await matrix((who) => s.t.gql(CHECKOUT, { m: owner.membershipId }, token(who)), {
      anonymous: 'UNAUTHENTICATED',
      owner: 'CONFLICT', // it renews automatically: nothing to start, but the owner got past the guard
      'another member': 'NOT_FOUND',
      admin: 'FORBIDDEN',
    });
    const fresh = await applicant(s, tier.id);
    expect((await s.t.gql(CHECKOUT, { m: fresh.membershipId }, fresh.user.accessToken)).data!.startDuesCheckout.url).toMatch(/^http/);
  });

  it('confirmCheckout: the owner or an admin', async () => {
    await matrix((who) => s.t.gql(CONFIRM, { sid: owner.sessionId }, token(who)), { anonymous: 'UNAUTHENTICATED', owner: null, 'another member': 'NOT_FOUND', admin: null });
  });

  it('duesReport and reconcileStripe: admins only', async () => {
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000 * 400).toISOString() };
    await matrix((who) => s.t.gql(REPORT, range, token(who)), { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', 'another member': 'FORBIDDEN', admin: null });
    await matrix((who) => s.t.gql(RECONCILE, {}, token(who)), { anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', 'another member': 'FORBIDDEN', admin: null });
  });

  it('createBillingPortalSession: signed in, with a billing account, returning only to this site', async () => {
    const portal = `mutation($r: String) { createBillingPortalSession(returnUrl: $r) }`;
    expect(errorCode(await s.t.gql(portal, {}, token('anonymous')))).toBe('UNAUTHENTICATED');
    expect((await s.t.gql(portal, {}, token('owner'))).data!.createBillingPortalSession).toMatch(/^http/);
    expect(errorCode(await s.t.gql(portal, {}, token('another member')))).toBe('CONFLICT');
    const elsewhere = await s.t.gql(portal, { r: 'https://evil.example/phish' }, token('owner'));
    expect(errorCode(elsewhere)).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors![0].extensions.fields![0].path).toBe('returnUrl');
  });
});

describe('duesReport and list arguments', () => {
  let s: DuesStack;
  beforeAll(async () => {
    s = await startDuesStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('adds up dues collected and refunded by tier and month, per currency, with the active auto-renewals', async () => {
    const eur = await createTier(s, { amount: 8_000, currency: 'EUR' });
    const usd = await createTier(s, { amount: 5_000, currency: 'USD' });
    const a = await activeMember(s, eur.id);
    await activeMember(s, eur.id, false);
    await activeMember(s, usd.id);
    const [payment] = await paymentsOf(s, a.membershipId);
    await s.t.gql(`mutation($id: ID!) { refundPayment(paymentId: $id, amount: 3000) { id } }`, { id: payment.id }, s.admin.accessToken);
    await deliverAll(s, s.fake.deleteSubscription(a.subscriptionId!));

    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const report = (await s.t.gql(REPORT, range, s.admin.accessToken)).data!.duesReport;
    expect(report.collected).toEqual([{ amount: 16_000, currency: 'EUR' }, { amount: 5_000, currency: 'USD' }]);
    expect(report.refunded).toEqual([{ amount: 3_000, currency: 'EUR' }, { amount: 0, currency: 'USD' }]);
    expect(report.net).toEqual([{ amount: 13_000, currency: 'EUR' }, { amount: 5_000, currency: 'USD' }]);
    expect(report.payments).toBe(3);
    expect(report.activeAutoRenewals).toBe(1);
    const month = new Date().toISOString().slice(0, 7);
    expect(report.byTierAndMonth).toHaveLength(2);
    expect(report.byTierAndMonth.find((l: any) => l.tierId === eur.id)).toMatchObject({ month, payments: 2, collected: { amount: 16_000 }, refunded: { amount: 3_000 } });
  });

  it('validates ranges and page sizes, naming the argument', async () => {
    const backwards = await s.t.gql(REPORT, { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() }, s.admin.accessToken);
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0].extensions.fields![0].path).toBe('to');
    const huge = await s.t.gql(`{ payments(first: 101) { totalCount } }`, {}, s.admin.accessToken);
    expect(errorCode(huge)).toBe('BAD_USER_INPUT');
    expect(huge.errors![0].extensions.fields!.map((f) => f.path)).toContain('first');
    const badStatus = await s.t.gql(`{ payments(status: LOST) { totalCount } }`, {}, s.admin.accessToken);
    expect(errorCode(badStatus)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('pages the ledger with cursors, newest first', async () => {
    const tier = await createTier(s, { amount: 1_000, currency: 'EUR' });
    for (let i = 0; i < 3; i++) await activeMember(s, tier.id, false);
    const page1 = (await s.t.gql(`{ payments(first: 2) { edges { node { id createdAt } } pageInfo { hasNextPage endCursor } } }`, {}, s.admin.accessToken)).data!.payments;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await s.t.gql(`query($a: String) { payments(first: 2, after: $a) { edges { node { id createdAt } } } }`, { a: page1.pageInfo.endCursor }, s.admin.accessToken)).data!.payments;
    const all = [...page1.edges, ...page2.edges].map((e: any) => e.node);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(all.length);
    expect([...all].sort((x: any, y: any) => y.createdAt.localeCompare(x.createdAt))).toEqual(all);
  });
});
