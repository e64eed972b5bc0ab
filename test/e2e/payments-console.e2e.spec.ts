import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { activeMember, applicant, createTier, type DuesStack, paymentsOf, startDuesStack } from '../factories/dues.js';
import { errorCode } from '../utils/test-app.js';

const LEDGER = `query($purpose: PaymentPurpose, $status: PaymentStatus, $min: Int, $max: Int, $userId: ID) {
  payments(first: 50, purpose: $purpose, status: $status, minAmount: $min, maxAmount: $max, userId: $userId) {
    totalCount edges { node { id amount { amount currency } } }
    totals { currency payments amount { amount currency } refunded { amount } net { amount } }
  }
}`;
const DETAILS = `query($id: ID!) { paymentDetails(id: $id) {
  payment { id status amountRefunded { amount } user { id } }
  provider stripeChargeId stripeInvoiceId externalReference note recordedByName refundable { amount currency }
  refunds { amount { amount currency } status reason requestedByName stripeRefundId settledAt }
  auditTrail { action actorName details at }
} }`;
const OFFLINE = `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`;
const REFUND = `mutation($id: ID!, $amount: Int, $reason: String) { refundPayment(paymentId: $id, amount: $amount, reason: $reason) { id status } }`;
const RECONCILE = `mutation { reconcileStripe { eventsScanned fixes } }`;
const RUNS = `{ reconcileRuns { trigger actorName startedAt finishedAt report { eventsScanned subscriptionsChecked fixes since } } }`;

describe('payments console API: ledger totals, one payment, reconcile runs', () => {
  let s: DuesStack;
  let adminName: string;
  let eurPayment: string;
  let offlinePayment: string;
  let usdPayer: string;

  beforeAll(async () => {
    s = await startDuesStack();
    adminName = (await s.t.gql(`{ me { fullName } }`, {}, s.admin.accessToken)).data!.me.fullName;
    const eur = await createTier(s, { amount: 12_000, currency: 'EUR' });
    const usd = await createTier(s, { amount: 5_000, currency: 'USD' });
    const a = await activeMember(s, eur.id, false);
    eurPayment = (await paymentsOf(s, a.membershipId))[0]!.id;
    const b = await activeMember(s, usd.id, false);
    usdPayer = b.user.id;
    const c = await applicant(s, eur.id);
    const recorded = await s.t.gql(OFFLINE, {
      input: { membershipId: c.membershipId, amount: { amount: 3_000, currency: 'EUR' }, method: 'CHEQUE', reference: 'CHQ-100', note: 'posted late' },
    }, s.admin.accessToken);
    offlinePayment = recorded.data!.recordOfflinePayment.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const ledger = async (variables: Record<string, unknown>) => {
    const result = await s.t.gql(LEDGER, variables, s.admin.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.payments;
  };

  it('totals every match per currency, not only the page, and follows the filters', async () => {
    const all = await ledger({ purpose: 'DUES' });
    expect(all.totalCount).toBe(3);
    expect(all.totals).toEqual([
      { currency: 'EUR', payments: 2, amount: { amount: 15_000, currency: 'EUR' }, refunded: { amount: 0 }, net: { amount: 15_000 } },
      { currency: 'USD', payments: 1, amount: { amount: 5_000, currency: 'USD' }, refunded: { amount: 0 }, net: { amount: 5_000 } },
    ]);
    const small = await ledger({ min: 3_000, max: 5_000 });
    expect(small.edges.map((e: { node: { amount: { amount: number } } }) => e.node.amount.amount).sort()).toEqual([3_000, 5_000]);
    expect((await ledger({ userId: usdPayer })).totals).toEqual([expect.objectContaining({ currency: 'USD', payments: 1 })]);
    const events = await ledger({ purpose: 'EVENT' });
    expect(events).toMatchObject({ totalCount: 0, edges: [], totals: [] });
  });

  it('refuses a maximum under the minimum, naming the field', async () => {
    const result = await s.t.gql(LEDGER, { min: 10, max: 5 }, s.admin.accessToken);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields).toEqual([{ path: 'maxAmount', message: expect.any(String) }]);
  });

  it("shows a card payment's Stripe ids, its refunds and audit trail, and what is left to refund", async () => {
    const before = (await s.t.gql(DETAILS, { id: eurPayment }, s.admin.accessToken)).data!.paymentDetails;
    expect(before).toMatchObject({ provider: 'STRIPE', refundable: { amount: 12_000, currency: 'EUR' }, refunds: [], auditTrail: [] });
    expect(before.stripeChargeId).toMatch(/^ch_/);

    expect((await s.t.gql(REFUND, { id: eurPayment, amount: 4_500, reason: 'moved abroad' }, s.admin.accessToken)).data!.refundPayment.status).toBe('PARTIALLY_REFUNDED');
    const after = (await s.t.gql(DETAILS, { id: eurPayment }, s.admin.accessToken)).data!.paymentDetails;
    expect(after.payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: { amount: 4_500 } });
    expect(after.refundable).toEqual({ amount: 7_500, currency: 'EUR' });
    expect(after.refunds).toEqual([
      expect.objectContaining({ amount: { amount: 4_500, currency: 'EUR' }, status: 'SUCCEEDED', reason: 'moved abroad', requestedByName: adminName, stripeRefundId: expect.stringMatching(/^re_/) }),
    ]);
    expect(after.auditTrail).toEqual([expect.objectContaining({ action: 'payment.refund', actorName: adminName, details: expect.objectContaining({ amount: 4_500, reason: 'moved abroad' }) })]);
    expect((await ledger({ purpose: 'DUES' })).totals[0]).toMatchObject({ currency: 'EUR', refunded: { amount: 4_500 }, net: { amount: 10_500 } });
    expect((await ledger({ status: 'PARTIALLY_REFUNDED' })).edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([eurPayment]);
  });

  it('shows an offline payment with its reference, note and who recorded it; NOT_FOUND for an unknown id', async () => {
    const details = (await s.t.gql(DETAILS, { id: offlinePayment }, s.admin.accessToken)).data!.paymentDetails;
    expect(details).toMatchObject({ provider: 'OFFLINE', stripeChargeId: null, externalReference: 'CHQ-100', note: 'posted late', recordedByName: adminName });
    expect(details.auditTrail.map((a: { action: string }) => a.action)).toEqual(['dues.recordOfflinePayment']);
    expect(errorCode(await s.t.gql(DETAILS, { id: '00000000-0000-4000-8000-000000000000' }, s.admin.accessToken))).toBe('NOT_FOUND');
  });

  it('keeps each reconciliation with its report, newest first', async () => {
    expect((await s.t.gql(RUNS, {}, s.admin.accessToken)).data!.reconcileRuns).toEqual([]);
    const first = (await s.t.gql(RECONCILE, {}, s.admin.accessToken)).data!.reconcileStripe;
    await s.t.gql(RECONCILE, {}, s.admin.accessToken);
    const runs = (await s.t.gql(RUNS, {}, s.admin.accessToken)).data!.reconcileRuns;
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ trigger: 'MANUAL', actorName: adminName, report: { fixes: [] } });
    expect(runs[1].report).toMatchObject({ eventsScanned: first.eventsScanned, fixes: first.fixes });
    expect(Date.parse(runs[0].finishedAt)).toBeGreaterThanOrEqual(Date.parse(runs[1].finishedAt));
    expect(Date.parse(runs[1].startedAt)).toBeLessThanOrEqual(Date.parse(runs[1].finishedAt));
  });
});
