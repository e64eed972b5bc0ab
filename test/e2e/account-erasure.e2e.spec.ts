import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { type DuesStack, startDuesStack } from '../factories/dues.js';
import { createEvent } from '../factories/events.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { signUpUser, TestUser } from '../factories/users.js';
import { errorCode } from '../utils/test-app.js';

const REQUEST = `mutation($userId: ID) { requestAccountErasure(userId: $userId) }`;
const CONFIRM = `mutation($token: String!) { confirmAccountErasure(token: $token) }`;

describe('account erasure', () => {
  let s: DuesStack;
  let stripe: Stripe;
  let manager: TestUser;
  let tierId: string;
  let eventId: string;

  beforeAll(async () => {
    s = await startDuesStack();
    const url = new URL(s.fake.url);
    stripe = new Stripe('sk_test_x', { host: url.hostname, port: Number(url.port), protocol: 'http' });
    manager = await signUpUser(s.t);
    await s.t.sql(`UPDATE users SET staff_permissions = ARRAY['MEMBERSHIP_MANAGER'] WHERE id = $1`, [manager.id]);
    tierId = await createTier(s.t, s.admin);
    eventId = await createEvent(s.t, s.admin);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  /** A person with something in every area, their name and email written into free text too. */
  async function person(): Promise<{ user: TestUser; name: string; customerId: string }> {
    const name = `Zelda Quux${randomBytes(3).toString('hex')}`;
    const user = await signUpUser(s.t, { fullName: name });
    const t = s.t;
    await t.gql(`mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { headline: `${name} builds bridges`, bio: `Write to ${user.email}` } }, user.accessToken);
    expect((await applyFor(t, user, tierId)).data!.applyForMembership.status).toBe('ACTIVE');
    const registration = await t.gql(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id } }`, { eventId }, user.accessToken);
    await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registration.data!.registerForEvent.id }, s.admin.accessToken);
    const customer = await stripe.customers.create({ email: user.email, name });
    await t.sql(`INSERT INTO stripe_customers (user_id, stripe_customer_id) VALUES ($1, $2)`, [user.id, customer.id]);
    await t.sql(
      `INSERT INTO payments (user_id, purpose, provider, method, amount, currency, amount_refunded, status, description, paid_at, external_reference)
       VALUES ($1, 'DUES', 'OFFLINE', 'cheque', 5000, 'EUR', 1000, 'PARTIALLY_REFUNDED', 'Annual dues', now(), $2)`,
      [user.id, `ref-${name}`.replace(/ /g, '-').toLowerCase()],
    );
    await t.sql(`INSERT INTO login_failures (email, client_address) VALUES ($1, '203.0.113.9')`, [user.email]);
    await t.gql(`mutation { requestMyDataExport { id } }`, {}, user.accessToken);
    await t.runJobs();
    return { user, name, customerId: customer.id };
  }

  /** Every text-like column of every table (JSON and arrays as text) that holds `needle`. */
  async function whereFound(needle: string): Promise<string[]> {
    const columns = await s.t.sql<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
    );
    const found: string[] = [];
    for (const c of columns) {
      const [{ n }] = await s.t.sql(`SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`, [`%${needle}%`]);
      if (n) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
    }
    return found;
  }

  const ledger = async () => (await s.t.sql(`SELECT count(*)::int AS n, sum(amount)::int AS paid, sum(amount_refunded)::int AS refunded FROM payments`))[0];

  it('refuses while a membership is paid-up or pending; once settled, staff erase it: no name or email left anywhere, ledger unchanged, Stripe customer deleted', async () => {
    const { user, name, customerId } = await person();
    expect(await whereFound(user.email)).not.toEqual([]); // the scan can find what it looks for
    const refused = await s.t.gql(REQUEST, { userId: user.id }, manager.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions.reason).toBe('MEMBERSHIP_NOT_SETTLED');
    expect(await whereFound(name)).not.toEqual([]); // refused: nothing changed

    await s.t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [user.id]); // settled by staff
    const before = await ledger();
    expect((await s.t.gql(REQUEST, { userId: user.id }, manager.accessToken)).data!.requestAccountErasure).toBe(true);

    expect(await whereFound(name)).toEqual([]);
    expect(await whereFound(user.email)).toEqual([]);
    expect(await ledger()).toEqual(before);
    const [kept] = await s.t.sql(`SELECT amount, currency FROM payments WHERE user_id = $1`, [user.id]);
    expect(kept).toEqual({ amount: 5000, currency: 'EUR' });
    expect(errorCode(await s.t.gql(`{ me { id } }`, {}, user.accessToken))).toBe('UNAUTHENTICATED');

    await s.t.runJobs();
    expect(s.fake.requests.some((r) => r.method === 'DELETE' && r.path === `/v1/customers/${customerId}`)).toBe(true);
    expect(s.fake.store.customers.has(customerId)).toBe(false);

    const [audit] = await s.t.sql(`SELECT actor_id, after::text AS after FROM audit_log WHERE action = 'account.erase' AND target_id = $1`, [user.id]);
    expect(audit.actor_id).toBe(manager.id);
    expect(audit.after).toContain('financialRecordsKept');
  }, 60_000);

  it('the person asks, confirms from the email once, and is erased', async () => {
    const { user, name } = await person();
    await s.t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [user.id]);
    expect((await s.t.gql(REQUEST, {}, user.accessToken)).data!.requestAccountErasure).toBe(true);
    const [mail] = await s.t.sql(`SELECT body_text FROM outbox_messages WHERE template = 'account-erasure-confirm' AND to_address = $1`, [user.email]);
    const token = /\/confirm-erasure\?token=([A-Za-z0-9_-]{43})\n/.exec(mail.body_text)![1];
    expect(errorCode(await s.t.gql(CONFIRM, { token: 'x'.repeat(43) }))).toBe('BAD_USER_INPUT');
    expect((await s.t.gql(CONFIRM, { token })).data!.confirmAccountErasure).toBe(true);
    expect(errorCode(await s.t.gql(CONFIRM, { token }))).toBe('BAD_USER_INPUT');
    expect(await whereFound(name)).toEqual([]);
    const [audit] = await s.t.sql(`SELECT actor_id FROM audit_log WHERE action = 'account.erase' AND target_id = $1`, [user.id]);
    expect(audit.actor_id).toBeNull(); // by the person themself (recorded in `after`, not by name)
  }, 60_000);

  it('the last admin cannot be erased', async () => {
    const [{ n }] = await s.t.sql(`SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN'`);
    expect(n).toBe(1);
    const refused = await s.t.gql(REQUEST, { userId: s.admin.id }, manager.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions.reason).toBe('LAST_ADMIN');
  });

  it('authorization matrix', async () => {
    const member = await signUpUser(s.t);
    const other = await signUpUser(s.t);
    expect(errorCode(await s.t.gql(REQUEST, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await s.t.gql(REQUEST, { userId: other.id }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await s.t.gql(REQUEST, { userId: 'nope' }, member.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await s.t.gql(REQUEST, { userId: '00000000-0000-4000-8000-000000000000' }, manager.accessToken))).toBe('NOT_FOUND');
  });
});
