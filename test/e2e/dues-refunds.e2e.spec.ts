import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { errorCode } from '../utils/test-app.js';
import { activeMember, countRows, createTier, deliverAll, type DuesStack, paymentsOf, startDuesStack } from '../factories/dues.js';

const REFUND = `mutation($id: ID!, $amount: Int, $reason: String) {
  refundPayment(paymentId: $id, amount: $amount, reason: $reason) { id status amount { amount currency } amountRefunded { amount currency } }
}`;

describe('refunds: partial allowed, never more than paid', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s, { amount: 12_000, currency: 'EUR' });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function paidPayment(): Promise<{ id: string; pi: string; userId: string }> {
    const member = await activeMember(s, tier.id);
    const [payment] = await paymentsOf(s, member.membershipId);
    return { id: payment.id, pi: payment.stripe_payment_intent_id!, userId: member.user.id };
  }
  const refundCalls = (pi: string) => s.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds' && r.body.payment_intent === pi);
  const refund = (id: string, amount?: number, reason?: string) => s.t.gql(REFUND, { id, amount, reason }, s.admin.accessToken);

  it('refunds in parts up to the amount paid, then refuses more; the charge.refunded webhook counts nothing twice', async () => {
    const payment = await paidPayment();
    const first = await refund(payment.id, 5_000, 'moved abroad');
    expect(first.data!.refundPayment).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: { amount: 5_000, currency: 'EUR' } });
    await deliverAll(s, s.fake.events.filter((e) => e.type === 'charge.refunded' && (e.data.object as { payment_intent?: string }).payment_intent === payment.pi));

    const tooMuch = await refund(payment.id, 7_001);
    expect(errorCode(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].extensions.fields).toEqual([{ path: 'amount', message: expect.stringContaining('at most 7000') }]);
    expect(tooMuch.errors![0].extensions.reason).toBe('REFUND_EXCEEDS_PAID');

    const rest = await refund(payment.id);
    expect(rest.data!.refundPayment).toMatchObject({ status: 'REFUNDED', amountRefunded: { amount: 12_000 } });
    await deliverAll(s, s.fake.events.filter((e) => e.type === 'charge.refunded' && (e.data.object as { payment_intent?: string }).payment_intent === payment.pi));
    const [row] = await s.t.sql(`SELECT amount_refunded, status FROM payments WHERE id = $1`, [payment.id]);
    expect(row).toEqual({ amount_refunded: 12_000, status: 'REFUNDED' });
    expect(errorCode(await refund(payment.id, 1))).toBe('BAD_USER_INPUT');
    expect(refundCalls(payment.pi).map((r) => r.idempotencyKey)).toEqual([expect.stringMatching(/^dues-refund:/), expect.stringMatching(/^dues-refund:/)]);
    expect(await s.t.sql(`SELECT 1 FROM outbox_messages WHERE recipient_user_id = $1 AND template = 'dues-refund'`, [payment.userId])).toHaveLength(2);
  });

  it('refuses a refund over the amount paid without calling Stripe', async () => {
    const payment = await paidPayment();
    const result = await refund(payment.id, 12_001);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(refundCalls(payment.pi)).toHaveLength(0);
    expect(await countRows(s, `SELECT 1 FROM payment_refunds WHERE payment_id = $1`, [payment.id])).toBe(0);
  });

  /**
   * Runs `work` while this test holds an EXCLUSIVE lock on payment_refunds (reads allowed, writes
   * wait), and lets go only once two backends are waiting: both refunds are then inside their
   * transactions at the same moment, whatever the HTTP timing.
   */
  async function withBothRequestsInside<T>(work: () => Promise<T>): Promise<T> {
    const blocker = new pg.Client({ connectionString: s.t.config.databaseUrl });
    // A second connection watches: pg_stat_activity is a snapshot per transaction, so the blocker cannot.
    const watcher = new pg.Client({ connectionString: s.t.config.databaseUrl });
    await Promise.all([blocker.connect(), watcher.connect()]);
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE payment_refunds IN EXCLUSIVE MODE');
      const running = work();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows[0].n >= 2) break;
        if (Date.now() > deadline) throw new Error('the two refunds never met inside their transactions');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await blocker.query('COMMIT');
      return await running;
    } finally {
      await Promise.all([blocker.end(), watcher.end()]);
    }
  }

  it('two concurrent refunds that together exceed the payment: one wins, Stripe is asked once', async () => {
    const payment = await paidPayment();
    const results = await withBothRequestsInside(() => Promise.all([refund(payment.id, 7_000), refund(payment.id, 6_000)]));
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(errorCode)).toEqual(['BAD_USER_INPUT']);
    expect(refundCalls(payment.pi)).toHaveLength(1);
    const [row] = await s.t.sql(`SELECT amount_refunded FROM payments WHERE id = $1`, [payment.id]);
    expect(row.amount_refunded).toBe(won[0].data!.refundPayment.amountRefunded.amount);
    expect(s.fake.store.charges.get([...s.fake.store.paymentIntents.values()].find((pi) => pi.id === payment.pi)!.latest_charge!)!.amount_refunded).toBe(row.amount_refunded);
  });

  it("a lost answer leaves the refund pending (reserved); the retry repeats the same call and Stripe refunds once", async () => {
    const payment = await paidPayment();
    s.fake.failNext({ method: 'POST', path: '/v1/refunds', status: 500, afterProcessing: true, times: 3 });
    const lost = await refund(payment.id, 4_000);
    expect(errorCode(lost)).toBe('PAYMENT_PROVIDER_ERROR');
    expect(lost.errors![0].extensions.retryable).toBe(true);
    const [pending] = await s.t.sql(`SELECT status, amount FROM payment_refunds WHERE payment_id = $1`, [payment.id]);
    expect(pending).toEqual({ status: 'PENDING', amount: 4_000 });
    expect(errorCode(await refund(payment.id, 8_001))).toBe('BAD_USER_INPUT'); // the pending 4000 is reserved

    const retried = await refund(payment.id, 4_000);
    expect(retried.data!.refundPayment.amountRefunded.amount).toBe(4_000);
    expect(new Set(refundCalls(payment.pi).map((r) => r.idempotencyKey)).size).toBe(1);
    expect([...s.fake.store.refunds.values()].filter((r) => r.payment_intent === payment.pi)).toHaveLength(1);
  });

  it('a refund Stripe refuses is released (FAILED) and answered as a non-retryable provider error', async () => {
    const payment = await paidPayment();
    s.fake.failNext({ method: 'POST', path: '/v1/refunds', status: 400, code: 'charge_disputed', message: 'disputed' });
    const refused = await refund(payment.id, 3_000);
    expect(errorCode(refused)).toBe('PAYMENT_PROVIDER_ERROR');
    expect(refused.errors![0].extensions.retryable).toBeUndefined();
    const [row] = await s.t.sql(`SELECT status FROM payment_refunds WHERE payment_id = $1`, [payment.id]);
    expect(row.status).toBe('FAILED');
    expect((await refund(payment.id)).data!.refundPayment.amountRefunded.amount).toBe(12_000);
  });

  it('takes refunds made in the Stripe dashboard from the charge.refunded webhook', async () => {
    const payment = await paidPayment();
    await s.fake.client({ maxNetworkRetries: 0 }).refunds.create({ payment_intent: payment.pi, amount: 2_500 });
    await deliverAll(s, s.fake.events.filter((e) => e.type === 'charge.refunded' && (e.data.object as { payment_intent?: string }).payment_intent === payment.pi));
    const [row] = await s.t.sql(`SELECT amount_refunded, status FROM payments WHERE id = $1`, [payment.id]);
    expect(row).toEqual({ amount_refunded: 2_500, status: 'PARTIALLY_REFUNDED' });
    expect(errorCode(await refund(payment.id, 9_501))).toBe('BAD_USER_INPUT');
  });

  it('records an offline payment that extends the membership, validates it, and refunds it without Stripe', async () => {
    const member = await activeMember(s, tier.id, false);
    const before = (await s.t.sql(`SELECT current_period_end FROM memberships WHERE id = $1`, [member.membershipId]))[0].current_period_end as Date;
    const record = (input: Record<string, unknown>) =>
      s.t.gql(`mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id method amount { amount currency } } }`, {
        input: { membershipId: member.membershipId, amount: { amount: 12_000, currency: 'EUR' }, method: 'CHEQUE', reference: `chq-${member.membershipId}`, ...input },
      }, s.admin.accessToken);
    const wrongCurrency = await record({ amount: { amount: 12_000, currency: 'USD' } });
    expect(wrongCurrency.errors![0].extensions.fields![0].path).toBe('input.amount.currency');
    const future = await record({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.errors![0].extensions.fields![0].path).toBe('input.receivedAt');
    const noReference = await record({ reference: '   ' });
    expect(noReference.errors![0].extensions.fields!.map((f) => f.path)).toContain('input.reference');

    const recorded = await record({});
    expect(recorded.data!.recordOfflinePayment).toMatchObject({ method: 'cheque', amount: { amount: 12_000, currency: 'EUR' } });
    const [after] = await s.t.sql(`SELECT current_period_end, status FROM memberships WHERE id = $1`, [member.membershipId]);
    expect(after.status).toBe('ACTIVE');
    expect(after.current_period_end.getTime()).toBeGreaterThan(before.getTime() + 360 * 86_400_000);

    const stripeRefundsBefore = s.fake.requests.filter((r) => r.path === '/v1/refunds').length;
    const refunded = await refund(recorded.data!.recordOfflinePayment.id, 2_000);
    expect(refunded.data!.refundPayment).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: { amount: 2_000 } });
    expect(s.fake.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(stripeRefundsBefore);
  });

  it('refuses an offline payment for a membership that renews by card (it would be paid twice)', async () => {
    const member = await activeMember(s, tier.id);
    const result = await s.t.gql(`mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`, {
      input: { membershipId: member.membershipId, amount: { amount: 12_000, currency: 'EUR' }, method: 'CASH', reference: `cash-${member.membershipId}` },
    }, s.admin.accessToken);
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].extensions.reason).toBe('AUTO_RENEWING');
  });

  it('validates its input, naming the field', async () => {
    const payment = await paidPayment();
    const zero = await refund(payment.id, 0);
    expect(errorCode(zero)).toBe('BAD_USER_INPUT');
    expect(zero.errors![0].extensions.fields!.map((f) => f.path)).toContain('amount');
    const badId = await s.t.gql(REFUND, { id: 'not-a-uuid' }, s.admin.accessToken);
    expect(badId.errors![0].extensions.fields!.map((f) => f.path)).toContain('paymentId');
    expect(errorCode(await s.t.gql(REFUND, { id: '00000000-0000-4000-8000-000000000000' }, s.admin.accessToken))).toBe('NOT_FOUND');
  });
});
