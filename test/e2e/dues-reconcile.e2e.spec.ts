import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRegistry } from '../../libs/core/src/index.js';
import { errorCode } from '../utils/test-app.js';
import { activeMember, applicant, createTier, type DuesStack, membershipOf, payCheckout, paymentsOf, periodsOf, startDuesStack } from '../factories/dues.js';

const RECONCILE = `mutation($since: DateTime) { reconcileStripe(since: $since) {
  since eventsScanned eventsApplied subscriptionsChecked subscriptionsFixed paymentsRecorded refundsSettled billingStopped failures fixes } }`;

describe('reconcileStripe: fixes drift, then finds nothing to do', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s, { amount: 15_000, currency: 'GBP' });
  });
  afterAll(async () => {
    await s?.close();
  });

  const reconcile = async (since?: string) => {
    const result = await s.t.gql(RECONCILE, { since }, s.admin.accessToken);
    expect(result.errors).toBeUndefined();
    return result.data!.reconcileStripe;
  };

  it('applies a renewal whose webhooks never arrived and a checkout nobody confirmed; the second run changes nothing', async () => {
    const renewing = await activeMember(s, tier.id);
    const before = await membershipOf(s, renewing);
    s.fake.renewSubscription(renewing.subscriptionId!); // invoice.paid etc. are never delivered
    const forgotten = await payCheckout(s, await applicant(s, tier.id)); // paid, no webhook, no success page

    const first = await reconcile();
    expect(first.failures).toBe(0);
    expect(first.paymentsRecorded).toBe(2);
    expect(first.eventsApplied).toBeGreaterThanOrEqual(2);
    expect(first.fixes.join('\n')).toContain('recorded payment');
    const renewed = await membershipOf(s, renewing);
    expect(new Date(renewed.currentPeriodEnd).getTime()).toBeGreaterThan(new Date(before.currentPeriodEnd).getTime());
    expect(await periodsOf(s, renewing.membershipId)).toHaveLength(2);
    expect((await membershipOf(s, forgotten)).status).toBe('ACTIVE');

    const second = await reconcile();
    expect(second).toMatchObject({ eventsApplied: 0, subscriptionsFixed: 0, paymentsRecorded: 0, refundsSettled: 0, billingStopped: 0, failures: 0, fixes: [] });
    expect(second.subscriptionsChecked).toBeGreaterThanOrEqual(2);
    expect(await paymentsOf(s, renewing.membershipId)).toHaveLength(2);
  });

  it('corrects a drifted subscription from Stripe (our copy went wrong, no event to replay), then is a no-op', async () => {
    const member = await activeMember(s, tier.id);
    await s.t.sql(`UPDATE dues_subscriptions SET status = 'past_due', cancel_at_period_end = true, synced_at = now() - interval '1 day' WHERE stripe_subscription_id = $1`, [member.subscriptionId]);
    await s.t.sql(`UPDATE memberships SET auto_renew = false WHERE id = $1`, [member.membershipId]);

    const first = await reconcile();
    expect(first.subscriptionsFixed).toBe(1);
    expect(first.fixes.some((f: string) => f.includes(member.subscriptionId!))).toBe(true);
    const [row] = await s.t.sql(`SELECT status, cancel_at_period_end FROM dues_subscriptions WHERE stripe_subscription_id = $1`, [member.subscriptionId]);
    expect(row).toEqual({ status: 'active', cancel_at_period_end: false });
    expect((await membershipOf(s, member)).autoRenew).toBe(true);

    expect(await reconcile()).toMatchObject({ subscriptionsFixed: 0, eventsApplied: 0, paymentsRecorded: 0, fixes: [] });
  });

  it('stops billing a membership cancelled here while its subscription still renews', async () => {
    const member = await activeMember(s, tier.id);
    const cancelled = await s.t.gql(`mutation($m: ID!) { cancelMembership(membershipId: $m) { status cancelledAt } }`, { m: member.membershipId }, member.user.accessToken);
    expect(cancelled.data!.cancelMembership.cancelledAt).not.toBeNull();
    expect(s.fake.store.subscriptions.get(member.subscriptionId!)!.cancel_at_period_end).toBe(false);
    const report = await reconcile();
    expect(report.billingStopped).toBe(1);
    expect(s.fake.store.subscriptions.get(member.subscriptionId!)!.cancel_at_period_end).toBe(true);
    expect((await reconcile()).billingStopped).toBe(0);
  });

  it('settles a refund whose answer was lost (even when its charge.refunded event was seen but not acted on)', async () => {
    const member = await activeMember(s, tier.id);
    const [payment] = await paymentsOf(s, member.membershipId);
    s.fake.failNext({ method: 'POST', path: '/v1/refunds', status: 500, afterProcessing: true, times: 3 });
    const lost = await s.t.gql(`mutation($id: ID!) { refundPayment(paymentId: $id, amount: 1000) { id } }`, { id: payment.id }, s.admin.accessToken);
    expect(errorCode(lost)).toBe('PAYMENT_PROVIDER_ERROR');
    await s.t.sql(`UPDATE payment_refunds SET created_at = now() - interval '5 minutes' WHERE payment_id = $1`, [payment.id]);
    // Take the event pass out of the picture: only the pending-refund pass can settle it now.
    for (const event of s.fake.events.filter((e) => e.type === 'charge.refunded' && (e.data.object as { payment_intent?: string }).payment_intent === payment.stripe_payment_intent_id)) {
      await s.t.sql(`INSERT INTO stripe_events (stripe_event_id, type, object_id, event_created_at, source, outcome) VALUES ($1, $2, NULL, now(), 'WEBHOOK', 'IGNORED')`, [event.id, event.type]);
    }
    const report = await reconcile();
    expect(report.refundsSettled).toBe(1);
    const [row] = await s.t.sql(`SELECT amount_refunded, status FROM payments WHERE id = $1`, [payment.id]);
    expect(row).toEqual({ amount_refunded: 1000, status: 'PARTIALLY_REFUNDED' });
  });

  it('refuses a since in the future, naming it', async () => {
    const result = await s.t.gql(RECONCILE, { since: new Date(Date.now() + 86_400_000).toISOString() }, s.admin.accessToken);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields![0].path).toBe('since');
  });

  it('is scheduled daily on the job runner, and the job runs a reconciliation', async () => {
    const registry = s.t.app.get(JobRegistry);
    expect(registry.schedules.find((c) => c.task === 'dues-reconcile-stripe')?.match).toBe('17 4 * * *');
    await s.t.sql(`SELECT graphile_worker.add_job('dues-reconcile-stripe', '{}'::json)`);
    await s.t.runJobs();
    expect(await s.t.sql(`SELECT last_error FROM graphile_worker.jobs WHERE task_identifier = 'dues-reconcile-stripe'`)).toEqual([]);
  });
});
