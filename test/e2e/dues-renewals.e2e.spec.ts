import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipLifecycleService } from '../../libs/members/src/index.js';
import { errorCode } from '../utils/test-app.js';
import {
  activeMember, applicant, createTier, deliver, deliverAll, emailsTo, type DuesStack, membershipOf, ofType, payCheckout, paymentsOf, periodsOf,
  START_CHECKOUT, startDuesStack,
} from '../factories/dues.js';

const SET_AUTO_RENEW = `mutation($m: ID!, $on: Boolean!) { setAutoRenew(membershipId: $m, autoRenew: $on) { id autoRenew status } }`;
const CHANGE_TIER = `mutation($m: ID!, $tier: ID!) { changeMembershipTier(membershipId: $m, tierId: $tier) { id tier { id } scheduledTierChange { tier { id } effectiveAt } currentPeriodEnd } }`;
const DAY = 86_400_000;

describe('dues renewals, failures, cancellations and tier changes', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s, { amount: 12_000, currency: 'EUR', gracePeriodDays: 14 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('renews by invoice.paid: the period is extended and a second period and payment are recorded', async () => {
    const member = await activeMember(s, tier.id);
    const before = await membershipOf(s, member);
    const renewal = s.fake.renewSubscription(member.subscriptionId!);
    await deliverAll(s, renewal);
    const after = await membershipOf(s, member);
    const newEnd = s.fake.store.subscriptions.get(member.subscriptionId!)!.items.data[0].current_period_end * 1000;
    expect(after.status).toBe('ACTIVE');
    expect(new Date(after.currentPeriodEnd).getTime()).toBe(newEnd);
    expect(new Date(after.currentPeriodEnd).getTime()).toBeGreaterThan(new Date(before.currentPeriodEnd).getTime() + 360 * DAY);
    expect(await periodsOf(s, member.membershipId)).toHaveLength(2);
    expect(await paymentsOf(s, member.membershipId)).toHaveLength(2);
    expect(await emailsTo(s, member.user.id, 'dues-receipt')).toBe(2);
  });

  it('payment failure → GRACE with one dunning email per invoice → recovery when the retry succeeds', async () => {
    const member = await activeMember(s, tier.id);
    await deliverAll(s, s.fake.failInvoicePayment(member.subscriptionId!));
    const grace = await membershipOf(s, member);
    expect(grace.status).toBe('GRACE');
    expect(new Date(grace.graceEndsAt).getTime()).toBe(new Date(grace.currentPeriodEnd).getTime() + 14 * DAY);
    expect(await emailsTo(s, member.user.id, 'dues-payment-failed')).toBe(1);

    await deliverAll(s, s.fake.failInvoicePayment(member.subscriptionId!)); // Stripe's retry fails too: same invoice
    expect((await membershipOf(s, member)).status).toBe('GRACE');
    expect(await emailsTo(s, member.user.id, 'dues-payment-failed')).toBe(1);

    await deliverAll(s, s.fake.payOpenInvoice(member.subscriptionId!));
    const recovered = await membershipOf(s, member);
    expect(recovered).toMatchObject({ status: 'ACTIVE', graceEndsAt: null, autoRenew: true });
    expect(new Date(recovered.currentPeriodEnd).getTime()).toBeGreaterThan(new Date(grace.currentPeriodEnd).getTime());
    expect(await paymentsOf(s, member.membershipId)).toHaveLength(2);
  });

  it('subscription deleted: valid to the period end, then GRACE and LAPSED by the lifecycle job', async () => {
    const member = await activeMember(s, tier.id);
    const before = await membershipOf(s, member);
    await deliverAll(s, s.fake.deleteSubscription(member.subscriptionId!));
    const after = await membershipOf(s, member);
    expect(after).toMatchObject({ status: 'ACTIVE', autoRenew: false, cancelledAt: null, currentPeriodEnd: before.currentPeriodEnd });
    const [row] = await s.t.sql(`SELECT status FROM dues_subscriptions WHERE stripe_subscription_id = $1`, [member.subscriptionId]);
    expect(row.status).toBe('canceled');

    const lifecycle = s.t.app.get(MembershipLifecycleService);
    const end = new Date(before.currentPeriodEnd).getTime();
    await lifecycle.run(new Date(end + DAY));
    expect((await membershipOf(s, member)).status).toBe('GRACE');
    await lifecycle.run(new Date(end + 15 * DAY));
    expect((await membershipOf(s, member)).status).toBe('LAPSED');
  });

  it('setAutoRenew off sets cancel_at_period_end in Stripe (the period is kept) and on clears it', async () => {
    const member = await activeMember(s, tier.id);
    const off = await s.t.gql(SET_AUTO_RENEW, { m: member.membershipId, on: false }, member.user.accessToken);
    expect(off.data!.setAutoRenew).toMatchObject({ autoRenew: false, status: 'ACTIVE' });
    expect(s.fake.store.subscriptions.get(member.subscriptionId!)!.cancel_at_period_end).toBe(true);
    const on = await s.t.gql(SET_AUTO_RENEW, { m: member.membershipId, on: true }, member.user.accessToken);
    expect(on.data!.setAutoRenew.autoRenew).toBe(true);
    expect(s.fake.store.subscriptions.get(member.subscriptionId!)!.cancel_at_period_end).toBe(false);
  });

  it('refuses to turn renewal back on for a cancelled membership', async () => {
    const member = await activeMember(s, tier.id);
    await s.t.gql(`mutation($m: ID!) { cancelMembership(membershipId: $m) { id } }`, { m: member.membershipId }, member.user.accessToken);
    const on = await s.t.gql(SET_AUTO_RENEW, { m: member.membershipId, on: true }, member.user.accessToken);
    expect(errorCode(on)).toBe('CONFLICT');
  });

  it('setAutoRenew on without a card on file is refused; another member is told it does not exist', async () => {
    const member = await activeMember(s, tier.id, false);
    const on = await s.t.gql(SET_AUTO_RENEW, { m: member.membershipId, on: true }, member.user.accessToken);
    expect(errorCode(on)).toBe('CONFLICT');
    expect(on.errors![0].extensions.reason).toBe('NO_SUBSCRIPTION');
    const stranger = await applicant(s, tier.id);
    expect(errorCode(await s.t.gql(SET_AUTO_RENEW, { m: member.membershipId, on: false }, stranger.user.accessToken))).toBe('NOT_FOUND');
  });

  it('renew now (one-time) continues the running period without losing days; a subscription on top is refused', async () => {
    const member = await activeMember(s, tier.id, false);
    const before = await membershipOf(s, member);
    const refused = await s.t.gql(START_CHECKOUT, { membershipId: member.membershipId, autoRenew: true }, member.user.accessToken);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields![0].path).toBe('autoRenew');
    const session = await s.t.gql(START_CHECKOUT, { membershipId: member.membershipId, autoRenew: false }, member.user.accessToken);
    await deliverAll(s, s.fake.completeCheckoutSession(session.data!.startDuesCheckout.id));
    const after = await membershipOf(s, member);
    const periods = await periodsOf(s, member.membershipId);
    expect(periods).toHaveLength(2);
    expect(periods[1].starts_at.getTime()).toBe(new Date(before.currentPeriodEnd).getTime());
    expect(new Date(after.currentPeriodEnd).getTime()).toBe(periods[1].ends_at!.getTime());
  });

  it('changes tier at the period end: no proration now, the next invoice charges the new tier and switches it', async () => {
    const gold = await createTier(s, { amount: 20_000, currency: 'EUR' });
    const member = await activeMember(s, tier.id);
    const changed = await s.t.gql(CHANGE_TIER, { m: member.membershipId, tier: gold.id }, member.user.accessToken);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changeMembershipTier.tier.id).toBe(tier.id);
    expect(changed.data!.changeMembershipTier.scheduledTierChange).toEqual({ tier: { id: gold.id }, effectiveAt: changed.data!.changeMembershipTier.currentPeriodEnd });
    const itemPrice = s.fake.store.subscriptions.get(member.subscriptionId!)!.items.data[0].price;
    expect(itemPrice.unit_amount).toBe(20_000);
    const invoicesOfSubscription = () => [...s.fake.store.invoices.values()].filter((i) => i.parent?.subscription_details?.subscription === member.subscriptionId);
    expect(invoicesOfSubscription()).toHaveLength(1); // no proration invoice now

    await deliverAll(s, s.fake.renewSubscription(member.subscriptionId!));
    expect((await membershipOf(s, member)).tier.id).toBe(gold.id);
    expect((await paymentsOf(s, member.membershipId)).map((p) => p.amount)).toEqual([12_000, 20_000]);
    const [change] = await s.t.sql(`SELECT status FROM dues_tier_changes WHERE membership_id = $1`, [member.membershipId]);
    expect(change.status).toBe('APPLIED');
    const after = await s.t.gql(`query($id: ID!) { user(id: $id) { membership { scheduledTierChange { effectiveAt } } } }`, { id: member.user.id }, member.user.accessToken);
    expect(after.data!.user.membership.scheduledTierChange).toBeNull();
  });

  it('an expired checkout leaves the membership waiting for payment; a late expiry never undoes a payment', async () => {
    const who = await applicant(s, tier.id);
    const session = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew: true }, who.user.accessToken);
    const expired = s.fake.expireCheckoutSession(session.data!.startDuesCheckout.id);
    await deliverAll(s, expired);
    expect((await membershipOf(s, who)).status).toBe('PENDING_PAYMENT');
    const [row] = await s.t.sql(`SELECT status FROM dues_checkout_sessions WHERE stripe_session_id = $1`, [session.data!.startDuesCheckout.id]);
    expect(row.status).toBe('EXPIRED');

    const paid = await payCheckout(s, who);
    expect(paid.sessionId).not.toBe(session.data!.startDuesCheckout.id);
    await deliverAll(s, paid.events);
    expect((await deliver(s, ofType(expired, 'checkout.session.expired'))).status).toBe(200);
    expect((await membershipOf(s, who)).status).toBe('ACTIVE');
  });
});
