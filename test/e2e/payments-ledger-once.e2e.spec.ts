import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type NewPayment, PaymentLedger, PaymentProvider, PaymentPurpose } from '../../libs/payments/src/index.js';
import { signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/** Money received is recorded once per Stripe id, even when two writers record it at the same moment. */
describe('payment ledger: one row per Stripe payment, under a race', () => {
  let t: TestApp;
  let ledger: PaymentLedger;
  let dataSource: DataSource;
  let person: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(PaymentLedger);
    dataSource = t.app.get(DataSource);
    person = await signUpUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const payment = (paymentIntentId: string): NewPayment => ({
    userId: person.id,
    purpose: PaymentPurpose.EVENT,
    provider: PaymentProvider.STRIPE,
    method: 'card',
    amount: 2500,
    currency: 'USD',
    description: 'Seat at the ledger race',
    stripePaymentIntentId: paymentIntentId,
    stripeChargeId: null,
    stripeInvoiceId: null,
    stripeCustomerId: null,
    receiptUrl: null,
    externalReference: null,
    note: null,
    recordedBy: null,
    paidAt: new Date(),
  });

  it('a second writer of the same payment intent, while the first has not committed, waits and gets the first one\'s row', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first writer records the payment and keeps its transaction open until the second is waiting on it.
    const first = dataSource.transaction(async (manager) => {
      const result = await ledger.recordPayment(manager, payment('pi_ledger_race'));
      firstWrote();
      await held;
      return result;
    });
    await wrote;
    const second = ledger.recordPayment(undefined, payment('pi_ledger_race'));
    // The second is blocked on the first's uncommitted row (the unique payment intent): the race is really run.
    let blocked = false;
    for (let i = 0; i < 250 && !blocked; i += 1) {
      const waiting = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "payments"%'`);
      blocked = waiting[0].n > 0;
      if (!blocked) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    expect(blocked).toBe(true);
    const [a, b] = await Promise.all([first, second]);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.payment.id).toBe(a.payment.id);
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payments WHERE stripe_payment_intent_id = 'pi_ledger_race'`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('records a new payment with its generated id and times, and a repeat returns it unchanged', async () => {
    const recorded = await ledger.recordPayment(undefined, payment('pi_ledger_repeat'));
    expect(recorded.created).toBe(true);
    expect(recorded.payment).toMatchObject({ amount: 2500, currency: 'USD', amountRefunded: 0, status: 'SUCCEEDED' });
    expect(recorded.payment.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded.payment.createdAt).toBeInstanceOf(Date);
    const again = await ledger.recordPayment(undefined, payment('pi_ledger_repeat'));
    expect(again).toMatchObject({ created: false, payment: { id: recorded.payment.id } });
  });
});
