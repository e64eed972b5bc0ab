import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applicant, createTier, type DuesStack, startDuesStack } from '../factories/dues.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';

const REPORT = `query($from: DateTime!, $to: DateTime!) { duesReport(from: $from, to: $to) {
  collected { amount currency } refunded { amount currency } net { amount currency } payments
  byTierAndMonth { month tierId tierName collected { amount currency } refunded { amount currency } payments } } }`;
const OFFLINE = `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`;
const REFUND = `mutation($id: ID!, $amount: Int) { refundPayment(paymentId: $id, amount: $amount) { id } }`;
const UPDATE_TIER = `mutation($id: ID!, $input: UpdateMembershipTierInput!) { updateMembershipTier(id: $id, input: $input) { id } }`;

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

describe('duesReport figures: months, tiers, currencies and refunds from the ledger, dues and members', () => {
  let s: DuesStack;
  let reference = 0;
  const now = new Date();
  /** The 15th of the previous month, noon UTC. */
  const lastMonthDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  const startOfLastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const startOfThisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const until = new Date(Date.now() + 86_400_000);

  async function pay(tierId: string, amount: number, currency: string, receivedAt?: Date): Promise<string> {
    const who = await applicant(s, tierId);
    const input = { membershipId: who.membershipId, amount: { amount, currency }, method: 'BANK_TRANSFER', reference: `report-${++reference}`, receivedAt: receivedAt?.toISOString() };
    const result = await s.t.gql(OFFLINE, { input }, s.admin.accessToken);
    if (!result.data?.recordOfflinePayment) throw new Error(`recordOfflinePayment failed: ${JSON.stringify(result.errors)}`);
    return result.data.recordOfflinePayment.id;
  }
  async function refund(paymentId: string, amount: number): Promise<void> {
    const result = await s.t.gql(REFUND, { id: paymentId, amount }, s.admin.accessToken);
    if (!result.data?.refundPayment) throw new Error(`refundPayment failed: ${JSON.stringify(result.errors)}`);
  }
  async function updateTier(id: string, input: Record<string, unknown>): Promise<void> {
    const result = await s.t.gql(UPDATE_TIER, { id, input }, s.admin.accessToken);
    if (!result.data?.updateMembershipTier) throw new Error(`updateMembershipTier failed: ${JSON.stringify(result.errors)}`);
  }
  const report = async (from: Date, to: Date) => {
    const result = await s.t.gql(REPORT, { from: from.toISOString(), to: to.toISOString() }, s.admin.accessToken);
    if (!result.data?.duesReport) throw new Error(`duesReport failed: ${JSON.stringify(result.errors)}`);
    return result.data.duesReport;
  };

  beforeAll(async () => {
    s = await startDuesStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sums per month (paid_at / settled_at, UTC), tier and currency, ordered by month, tier name, currency, in a constant number of statements', async () => {
    // Tier "Z…" is created first but sorts last; it takes EUR, then (repriced) USD.
    const zed = await createTier(s, { amount: 8_000, currency: 'EUR' });
    const alpha = await createTier(s, { amount: 5_000, currency: 'USD' });
    const suffix = Math.random().toString(36).slice(2, 8);
    await updateTier(zed.id, { name: `Z report ${suffix}` });
    await updateTier(alpha.id, { name: `A report ${suffix}` });

    const zedLastMonth = await pay(zed.id, 8_000, 'EUR', lastMonthDay);
    await pay(zed.id, 8_000, 'EUR');
    await pay(alpha.id, 5_000, 'USD', lastMonthDay);
    const alphaNow = await pay(alpha.id, 5_000, 'USD');
    await updateTier(zed.id, { price: { amount: 9_000, currency: 'USD' } });
    await pay(zed.id, 9_000, 'USD');
    await pay(zed.id, 9_100, 'USD');
    // Refunded this month: one of last month's payments (counts in this month) and one of this month's, twice.
    await refund(zedLastMonth, 3_000);
    await refund(alphaNow, 600);
    await refund(alphaNow, 400);

    const last = monthOf(lastMonthDay);
    const current = monthOf(now);
    const line = (month: string, tier: { id: string }, name: string, currency: string, collected: number, refunded: number, payments: number) => ({
      month, tierId: tier.id, tierName: `${name} report ${suffix}`, collected: { amount: collected, currency }, refunded: { amount: refunded, currency }, payments,
    });

    const { result: both, count, statements } = await countQueries(() => report(startOfLastMonth, until), dataStatements);
    expect(both.byTierAndMonth).toEqual([
      line(last, alpha, 'A', 'USD', 5_000, 0, 1),
      line(last, zed, 'Z', 'EUR', 8_000, 0, 1),
      line(current, alpha, 'A', 'USD', 5_000, 1_000, 1),
      line(current, zed, 'Z', 'EUR', 8_000, 3_000, 1),
      line(current, zed, 'Z', 'USD', 18_100, 0, 2),
    ]);
    expect(both.collected).toEqual([{ amount: 16_000, currency: 'EUR' }, { amount: 28_100, currency: 'USD' }]);
    expect(both.refunded).toEqual([{ amount: 3_000, currency: 'EUR' }, { amount: 1_000, currency: 'USD' }]);
    expect(both.net).toEqual([{ amount: 13_000, currency: 'EUR' }, { amount: 27_100, currency: 'USD' }]);
    expect(both.payments).toBe(6);

    // This month only: last month's payment is out, its refund (settled now) is in.
    const thisMonth = await report(startOfThisMonth, until);
    expect(thisMonth.byTierAndMonth).toEqual(both.byTierAndMonth.slice(2));
    expect(thisMonth.collected).toEqual([{ amount: 8_000, currency: 'EUR' }, { amount: 23_100, currency: 'USD' }]);
    expect(thisMonth.refunded).toEqual([{ amount: 3_000, currency: 'EUR' }, { amount: 1_000, currency: 'USD' }]);
    expect(thisMonth.payments).toBe(4);

    // More payments, more tiers: the same number of statements.
    for (let i = 0; i < 3; i++) await pay((await createTier(s, { amount: 1_000, currency: 'GBP' })).id, 1_000, 'GBP');
    const { result: more, count: countWithMore } = await countQueries(() => report(startOfLastMonth, until), dataStatements);
    expect(more.payments).toBe(9);
    expect(countWithMore).toBe(count);
    // The report's own statements (not the session check): ledger, dues tiers, tier names, renewals.
    expect(statements.filter((sql) => !/\bsessions\b/.test(sql))).toHaveLength(4);
  });
});
