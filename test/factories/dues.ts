import { startFakeStripe, type FakeEvent, type FakeStripe, type WebhookDelivery } from '../fake-stripe/index.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { createAdminUser, signUpUser, type TestUser } from './users.js';

export const WEBHOOK_SECRET = 'whsec_test';

export interface DuesStack {
  t: TestApp;
  fake: FakeStripe;
  admin: TestUser;
  webhookUrl: string;
  close(): Promise<void>;
}

/** The app wired to a fake Stripe over HTTP (the real SDK on both sides); webhooks are delivered by hand. */
export async function startDuesStack(env: Record<string, string> = {}): Promise<DuesStack> {
  const fake = await startFakeStripe({ port: 0 });
  const t = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: fake.url, ...env });
  const webhookUrl = `${t.url}/webhooks/stripe`;
  fake.configureWebhooks({ url: webhookUrl, secret: WEBHOOK_SECRET, autoDeliver: false });
  const admin = await createAdminUser(t);
  return {
    t,
    fake,
    admin,
    webhookUrl,
    async close() {
      await t.close();
      await fake.close();
    },
  };
}

const CREATE_TIER = `mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id name price { amount currency } } }`;
const APPLY = `mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id status } }`;
export const START_CHECKOUT = `mutation($membershipId: ID!, $autoRenew: Boolean) { startDuesCheckout(membershipId: $membershipId, autoRenew: $autoRenew) { id url } }`;
export const CONFIRM = `mutation($sessionId: String!) { confirmCheckout(sessionId: $sessionId) { id status currentPeriodEnd autoRenew } }`;
export const MEMBERSHIP = `query($id: ID!) { user(id: $id) { membership { id status currentPeriodEnd graceEndsAt autoRenew cancelledAt tier { id name } periods { startsAt endsAt source } } } }`;

let tierSequence = 0;

export interface TierOptions {
  amount?: number;
  currency?: string;
  billingInterval?: 'YEAR' | 'MONTH' | 'LIFETIME';
  gracePeriodDays?: number;
}

export async function createTier(s: DuesStack, options: TierOptions = {}): Promise<{ id: string; name: string }> {
  const input = {
    name: `Tier ${++tierSequence} ${Math.random().toString(36).slice(2, 8)}`,
    price: { amount: options.amount ?? 12_000, currency: options.currency ?? 'EUR' },
    billingInterval: options.billingInterval ?? 'YEAR',
    requiresApproval: false,
    gracePeriodDays: options.gracePeriodDays ?? 30,
    eventDiscountPercent: 0,
  };
  const result = await s.t.gql(CREATE_TIER, { input }, s.admin.accessToken);
  if (!result.data?.createMembershipTier) throw new Error(`createMembershipTier failed: ${JSON.stringify(result.errors)}`);
  return result.data.createMembershipTier;
}

export interface Applicant {
  user: TestUser;
  membershipId: string;
}

/** A new member with a PENDING_PAYMENT membership of `tierId`. */
export async function applicant(s: DuesStack, tierId: string): Promise<Applicant> {
  const user = await signUpUser(s.t);
  const result = await s.t.gql(APPLY, { tierId }, user.accessToken);
  if (!result.data?.applyForMembership) throw new Error(`applyForMembership failed: ${JSON.stringify(result.errors)}`);
  return { user, membershipId: result.data.applyForMembership.id };
}

export async function startCheckout(s: DuesStack, who: Applicant, autoRenew = true): Promise<{ id: string; url: string }> {
  const result = await s.t.gql(START_CHECKOUT, { membershipId: who.membershipId, autoRenew }, who.user.accessToken);
  if (!result.data?.startDuesCheckout) throw new Error(`startDuesCheckout failed: ${JSON.stringify(result.errors)}`);
  return result.data.startDuesCheckout;
}

export interface PaidCheckout extends Applicant {
  sessionId: string;
  subscriptionId: string | null;
  events: FakeEvent[];
}

/** Checkout paid on Stripe's side; its events are returned, not delivered. */
export async function payCheckout(s: DuesStack, who: Applicant, autoRenew = true): Promise<PaidCheckout> {
  const session = await startCheckout(s, who, autoRenew);
  const events = s.fake.completeCheckoutSession(session.id);
  const subscriptionId = s.fake.store.checkoutSessions.get(session.id)?.subscription ?? null;
  return { ...who, sessionId: session.id, subscriptionId, events };
}

/** A member whose subscription checkout was paid and whose events were all delivered. */
export async function activeMember(s: DuesStack, tierId: string, autoRenew = true): Promise<PaidCheckout> {
  const paid = await payCheckout(s, await applicant(s, tierId), autoRenew);
  await deliverAll(s, paid.events);
  return paid;
}

export function deliver(s: DuesStack, event: FakeEvent, options: { timestamp?: number; secret?: string; signature?: string } = {}): Promise<WebhookDelivery> {
  return s.fake.deliverEvent(event, { url: s.webhookUrl, secret: options.secret ?? WEBHOOK_SECRET, ...options });
}

/** Delivers in order; fails the test on any non-2xx answer. */
export async function deliverAll(s: DuesStack, events: FakeEvent[]): Promise<void> {
  for (const event of events) {
    const delivery = await deliver(s, event);
    if (delivery.status !== 200) throw new Error(`webhook ${event.type} answered ${delivery.status}: ${delivery.responseBody ?? delivery.error}`);
  }
}

export const ofType = (events: FakeEvent[], type: string): FakeEvent => {
  const found = events.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} among ${events.map((e) => e.type).join(', ')}`);
  return found;
};

export async function membershipOf(s: DuesStack, who: { user: TestUser }): Promise<Record<string, any>> {
  const result = await s.t.gql(MEMBERSHIP, { id: who.user.id }, who.user.accessToken);
  if (!result.data?.user?.membership) throw new Error(`membership query failed: ${JSON.stringify(result.errors)}`);
  return result.data.user.membership;
}

export async function countRows(s: DuesStack, sql: string, params: unknown[]): Promise<number> {
  const [row] = await s.t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
  return row.n;
}

export const paymentsOf = (s: DuesStack, membershipId: string) =>
  s.t.sql<{ id: string; amount: number; amount_refunded: number; status: string; stripe_invoice_id: string | null; stripe_payment_intent_id: string | null }>(
    `SELECT p.* FROM payments p JOIN dues_payments d ON d.payment_id = p.id WHERE d.membership_id = $1 ORDER BY p.paid_at`,
    [membershipId],
  );

export const periodsOf = (s: DuesStack, membershipId: string) =>
  s.t.sql<{ starts_at: Date; ends_at: Date | null; source: string; source_ref: string }>(
    `SELECT starts_at, ends_at, source, source_ref FROM membership_periods WHERE membership_id = $1 ORDER BY starts_at`,
    [membershipId],
  );

export const emailsTo = (s: DuesStack, userId: string, template: string) =>
  countRows(s, `SELECT 1 FROM outbox_messages WHERE recipient_user_id = $1 AND template = $2`, [userId, template]);
