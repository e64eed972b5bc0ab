import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import type { FakeEvent } from '../fake-stripe/index.js';
import {
  applicant, CONFIRM, countRows, createTier, deliver, deliverAll, emailsTo, type DuesStack, membershipOf, ofType, payCheckout, type PaidCheckout,
  paymentsOf, periodsOf, startDuesStack,
} from '../factories/dues.js';

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('dues webhooks: order, duplicates and the success page do not matter', () => {
  let s: DuesStack;
  let stripe: Stripe;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    stripe = s.fake.client({ maxNetworkRetries: 0 });
    tier = await createTier(s, { amount: 9_000, currency: 'USD', gracePeriodDays: 14 });
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Everything about a membership that the flow decides, for comparing end states. */
  async function endState(paid: PaidCheckout) {
    const membership = await membershipOf(s, paid);
    const [subscription] = await s.t.sql(`SELECT status, cancel_at_period_end FROM dues_subscriptions WHERE membership_id = $1`, [paid.membershipId]);
    const [session] = await s.t.sql(`SELECT status FROM dues_checkout_sessions WHERE stripe_session_id = $1`, [paid.sessionId]);
    return {
      status: membership.status,
      autoRenew: membership.autoRenew,
      periodEnd: membership.currentPeriodEnd,
      payments: (await paymentsOf(s, paid.membershipId)).length,
      periods: (await periodsOf(s, paid.membershipId)).length,
      receipts: await emailsTo(s, paid.user.id, 'dues-receipt'),
      subscription,
      session: session?.status,
    };
  }

  it('applies every order of the subscription flow (session completed, invoice paid, subscription created and updated) to the same end state', async () => {
    const orders = permutations(['checkout.session.completed', 'invoice.paid', 'customer.subscription.created', 'customer.subscription.updated']);
    expect(orders).toHaveLength(24);
    const states: unknown[] = [];
    for (const order of orders) {
      const paid = await payCheckout(s, await applicant(s, tier.id));
      // The member turns renewal off in Stripe's portal right after paying: a later subscription state.
      await stripe.subscriptions.update(paid.subscriptionId!, { cancel_at_period_end: true });
      const events: FakeEvent[] = [...paid.events, ...s.fake.events.filter((e) => e.type === 'customer.subscription.updated' && (e.data.object as { id: string }).id === paid.subscriptionId)];
      for (const type of order) {
        const delivery = await deliver(s, ofType(events, type));
        expect(delivery.status).toBe(200);
      }
      const state = await endState(paid);
      const periodEnd = s.fake.store.subscriptions.get(paid.subscriptionId!)!.items.data[0].current_period_end * 1000;
      expect(new Date(state.periodEnd).getTime()).toBe(periodEnd);
      states.push({ ...state, periodEnd: undefined });
    }
    expect(states[0]).toEqual({
      status: 'ACTIVE',
      autoRenew: false,
      periodEnd: undefined,
      payments: 1,
      periods: 1,
      receipts: 1,
      subscription: { status: 'active', cancel_at_period_end: true },
      session: 'COMPLETE',
    });
    for (const state of states) expect(state).toEqual(states[0]);
  });

  it('a late, stale event does not take the state back (failed renewal delivered after its recovery)', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    await deliverAll(s, paid.events);
    const failed = s.fake.failInvoicePayment(paid.subscriptionId!);
    const recovered = s.fake.payOpenInvoice(paid.subscriptionId!);
    await deliverAll(s, recovered);
    await deliverAll(s, failed);
    const membership = await membershipOf(s, paid);
    expect(membership.status).toBe('ACTIVE');
    expect(await periodsOf(s, paid.membershipId)).toHaveLength(2);
    expect(await emailsTo(s, paid.user.id, 'dues-payment-failed')).toBe(0);
  });

  it('takes the same invoice.paid delivered 5 times at once: all 2xx, one payment, one period, one email', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    const event = ofType(paid.events, 'invoice.paid');
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver(s, event)));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    expect(deliveries.filter((d) => d.responseBody?.includes('"applied"'))).toHaveLength(1);
    expect(await paymentsOf(s, paid.membershipId)).toHaveLength(1);
    expect(await periodsOf(s, paid.membershipId)).toHaveLength(1);
    expect(await emailsTo(s, paid.user.id, 'dues-receipt')).toBe(1);
    expect(await countRows(s, `SELECT 1 FROM stripe_events WHERE stripe_event_id = $1`, [event.id])).toBe(1);
  });

  it('takes the same invoice.payment_failed 5 times at once: one move to GRACE, one dunning email', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    await deliverAll(s, paid.events);
    const failedEvent = ofType(s.fake.failInvoicePayment(paid.subscriptionId!), 'invoice.payment_failed');
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver(s, failedEvent)));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await membershipOf(s, paid)).status).toBe('GRACE');
    expect(await countRows(s, `SELECT 1 FROM membership_status_changes WHERE membership_id = $1 AND to_status = 'GRACE'`, [paid.membershipId])).toBe(1);
    expect(await emailsTo(s, paid.user.id, 'dues-payment-failed')).toBe(1);
  });

  describe('the success page racing the webhook: one fulfilment', () => {
    async function confirm(paid: PaidCheckout) {
      const result = await s.t.gql(CONFIRM, { sessionId: paid.sessionId }, paid.user.accessToken);
      expect(result.errors).toBeUndefined();
      return result.data!.confirmCheckout;
    }

    async function expectOneFulfilment(paid: PaidCheckout) {
      expect((await membershipOf(s, paid)).status).toBe('ACTIVE');
      expect(await paymentsOf(s, paid.membershipId)).toHaveLength(1);
      expect(await periodsOf(s, paid.membershipId)).toHaveLength(1);
      expect(await emailsTo(s, paid.user.id, 'dues-receipt')).toBe(1);
    }

    it('before the webhook', async () => {
      const paid = await payCheckout(s, await applicant(s, tier.id));
      expect((await confirm(paid)).status).toBe('ACTIVE');
      await deliverAll(s, paid.events);
      await expectOneFulfilment(paid);
    });

    it('during the webhook (success page twice, and every event, all at once)', async () => {
      const paid = await payCheckout(s, await applicant(s, tier.id));
      const results = await Promise.all([confirm(paid), confirm(paid), ...paid.events.map((e) => deliver(s, e))]);
      for (const result of results.slice(2)) expect((result as { status?: number }).status).toBe(200);
      await expectOneFulfilment(paid);
    });

    it('after the webhook', async () => {
      const paid = await payCheckout(s, await applicant(s, tier.id));
      await deliverAll(s, paid.events);
      expect((await confirm(paid)).status).toBe('ACTIVE');
      await expectOneFulfilment(paid);
    });
  });
});
