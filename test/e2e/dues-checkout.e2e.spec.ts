import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCode } from '../utils/test-app.js';
import {
  applicant, CONFIRM, createTier, deliverAll, emailsTo, type DuesStack, membershipOf, ofType, payCheckout, paymentsOf, periodsOf, startCheckout, startDuesStack,
} from '../factories/dues.js';

describe('dues checkout: join → checkout → webhook → ACTIVE', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s, { amount: 12_000, currency: 'EUR' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('subscription mode: the webhook makes the membership ACTIVE for the paid period, once', async () => {
    const who = await applicant(s, tier.id);
    const paid = await payCheckout(s, who);
    expect((await membershipOf(s, who)).status).toBe('PENDING_PAYMENT');
    await deliverAll(s, paid.events);
    const membership = await membershipOf(s, who);
    const subscription = s.fake.store.subscriptions.get(paid.subscriptionId!)!;
    expect(membership).toMatchObject({ status: 'ACTIVE', autoRenew: true });
    expect(new Date(membership.currentPeriodEnd).getTime()).toBe(subscription.items.data[0].current_period_end * 1000);
    const payments = await paymentsOf(s, who.membershipId);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: 12_000, status: 'SUCCEEDED', stripe_invoice_id: ofType(paid.events, 'invoice.paid').data.object.id });
    expect(await periodsOf(s, who.membershipId)).toHaveLength(1);
    expect(await emailsTo(s, who.user.id, 'dues-receipt')).toBe(1);
  });

  it('payment mode (autoRenew false): one-time payment, ACTIVE for a year, no auto-renewal', async () => {
    const who = await applicant(s, tier.id);
    const paid = await payCheckout(s, who, false);
    expect(paid.subscriptionId).toBeNull();
    await deliverAll(s, paid.events);
    const membership = await membershipOf(s, who);
    expect(membership).toMatchObject({ status: 'ACTIVE', autoRenew: false });
    const [period] = await periodsOf(s, who.membershipId);
    expect(period.ends_at!.getTime() - period.starts_at.getTime()).toBeGreaterThan(364 * 86_400_000);
    expect((await paymentsOf(s, who.membershipId))[0].stripe_payment_intent_id).toMatch(/^pi_/);
  });

  it('the success page alone (no webhook yet) activates the membership', async () => {
    const who = await applicant(s, tier.id);
    const paid = await payCheckout(s, who);
    const result = await s.t.gql(CONFIRM, { sessionId: paid.sessionId }, who.user.accessToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.confirmCheckout.status).toBe('ACTIVE');
  });

  it('returns the same open session when asked again, and a new one after switching mode (expiring the first)', async () => {
    const who = await applicant(s, tier.id);
    const first = await startCheckout(s, who, true);
    expect(await startCheckout(s, who, true)).toEqual(first);
    const other = await startCheckout(s, who, false);
    expect(other.id).not.toBe(first.id);
    expect(s.fake.store.checkoutSessions.get(first.id)?.status).toBe('expired');
  });

  it('refuses a second payment for a membership that renews automatically', async () => {
    const who = await applicant(s, tier.id);
    await deliverAll(s, (await payCheckout(s, who)).events);
    const again = await s.t.gql(`mutation($m: ID!) { startDuesCheckout(membershipId: $m, autoRenew: false) { id } }`, { m: who.membershipId }, who.user.accessToken);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions.reason).toBe('AUTO_RENEWING');
  });
});
