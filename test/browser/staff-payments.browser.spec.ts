/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFor, captureScreenshot, collectProblems, createAdminUser, createTier, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const START_CHECKOUT = `mutation($m: ID!) { startDuesCheckout(membershipId: $m, autoRenew: false) { id } }`;
const CONFIRM = `mutation($s: String!) { confirmCheckout(sessionId: $s) { id status } }`;

describe('portal: the payments console', () => {
  let portal: Portal;
  let admin: TestUser;
  let finance: TestUser;
  let paymentId: string;
  let paymentIntent: string;

  beforeAll(async () => {
    portal = await startPortal();
    const { t, fake } = portal;
    admin = await createAdminUser(t);
    finance = await signUpUser(t, { fullName: 'Fiona Finance' });
    await t.gql(GRANT, { id: finance.id, p: ['FINANCE'] }, admin.accessToken);
    // A dues payment made through the fake Stripe's checkout, its webhooks delivered, as a member would.
    const tierId = await createTier(t, admin, { name: 'Professional', price: { amount: 12_000, currency: 'USD' }, billingInterval: 'YEAR' });
    const payer = await signUpUser(t, { fullName: 'Paula Payer' });
    const membershipId: string = (await applyFor(t, payer, tierId)).data!.applyForMembership.id;
    const session: string = (await t.gql(START_CHECKOUT, { m: membershipId }, payer.accessToken)).data!.startDuesCheckout.id;
    fake.completeCheckoutSession(session);
    await fake.waitForWebhooks();
    expect((await t.gql(CONFIRM, { s: session }, payer.accessToken)).data!.confirmCheckout.status).toBe('ACTIVE');
    const [row] = await t.sql<{ id: string; stripe_payment_intent_id: string }>(`SELECT id, stripe_payment_intent_id FROM payments WHERE user_id = $1`, [payer.id]);
    paymentId = row.id;
    paymentIntent = row.stripe_payment_intent_id;
    // Someone whose cheque arrives: applied, not paid.
    const olive = await signUpUser(t, { fullName: 'Olive Offline' });
    await applyFor(t, olive, tierId);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('FINANCE finds a payment in the ledger, refunds part of it, records a cheque and reconciles with Stripe', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, finance, 'Fiona Finance');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    const ledger = page.getByRole('group', { name: 'Payments' }).getByRole('table');
    await ledger.getByRole('row').filter({ hasText: 'Paula Payer' }).waitFor();
    const totals = page.getByRole('group', { name: 'Totals' }).getByRole('table');
    await totals.getByRole('row', { name: /USD/ }).getByRole('cell', { name: '$120.00' }).first().waitFor();
    await expectAccessible(page, 'payments ledger');
    await captureScreenshot(page, 'staff-payments-desktop');

    // The filters live in the address; an event-only ledger has nothing, dues brings it back.
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Event', exact: true }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/kind=EVENT/);
    await page.getByText('No payments match.').waitFor();
    await page.goto('/staff/payments?kind=DUES&min=12000&max=12000');
    expect(await page.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('Dues');
    await page.getByText('1 payment', { exact: true }).waitFor();

    // The payment's page: who, what for, the Stripe ids, no refunds yet.
    await ledger.getByRole('link', { name: /Professional membership dues/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Payment' }).waitFor();
    const summary = page.getByRole('region', { name: 'The payment' });
    await summary.getByText(/Paula Payer/).first().waitFor();
    await summary.getByText(paymentIntent).waitFor();
    expect(await summary.getByRole('row', { name: /Left to refund/ }).getByRole('cell').textContent()).toBe('$120.00');
    await page.getByText('No refunds.').waitFor();
    await expectAccessible(page, 'a payment');

    // More than is left: the API's refusal shows beside the amount; nothing reaches Stripe.
    const amount = page.getByRole('textbox', { name: 'Amount to refund' });
    await amount.fill('12001');
    await page.getByRole('button', { name: 'Review the refund' }).click();
    await page.getByRole('button', { name: 'Confirm refund' }).click();
    await page.getByText(/must be at most 12000/).waitFor();
    expect(await page.getByRole('textbox', { name: 'Amount to refund' }).getAttribute('aria-invalid')).toBe('true');
    expect(portal.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')).toHaveLength(0);
    await expectAccessible(page, 'refund refused');

    // A partial refund, confirmed: the new state is shown and Stripe received it.
    await page.getByRole('textbox', { name: 'Amount to refund' }).fill('4500');
    await page.getByRole('textbox', { name: 'Reason (optional)' }).fill('Moved abroad');
    await page.getByRole('button', { name: 'Review the refund' }).click();
    await page.getByText('Refund $45.00 to Paula Payer?', { exact: false }).waitFor();
    await expectAccessible(page, 'refund confirmation');
    await page.getByRole('button', { name: 'Confirm refund' }).click();
    await page.getByRole('status').filter({ hasText: '$45.00 refunded' }).waitFor();
    const refunds = page.getByRole('group', { name: 'Refunds made' }).getByRole('table');
    await refunds.getByRole('row', { name: /Moved abroad/ }).getByRole('cell', { name: 'Fiona Finance' }).waitFor();
    await summary.getByText('Partly refunded').waitFor();
    expect(await summary.getByRole('row', { name: /Left to refund/ }).getByRole('cell').textContent()).toBe('$75.00');
    await page.getByRole('region', { name: 'Audit trail' }).getByRole('cell', { name: 'payment.refund' }).waitFor();
    const sent = portal.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');
    expect(sent.map((r) => [r.body.payment_intent, String(r.body.amount)])).toEqual([[paymentIntent, '4500']]);
    await expectAccessible(page, 'a payment after a refund');
    await captureScreenshot(page, 'staff-payment-desktop');

    // Back in the ledger the refund shows.
    await page.getByRole('link', { name: 'Back to the payments' }).click();
    await ledger.getByRole('row').filter({ hasText: 'Paula Payer' }).getByRole('cell', { name: '$45.00' }).waitFor();
    await totals.getByRole('row', { name: /USD/ }).getByRole('cell', { name: '$75.00' }).waitFor();

    // An offline payment: find Olive, record her cheque; the reference is checked before the API is asked.
    await page.getByRole('link', { name: 'Record an offline payment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record an offline payment' }).waitFor();
    await expectAccessible(page, 'offline payment: find the member');
    await page.getByRole('textbox', { name: 'Find the member (name or email)' }).fill('Olive');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('article', { name: 'Olive Offline' }).getByText('Professional membership, waiting for payment').waitFor();
    await page.getByRole('button', { name: 'Choose Olive Offline' }).click();
    expect(await page.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('12000');
    expect(await page.getByRole('textbox', { name: 'Currency' }).inputValue()).toBe('USD');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('Enter the cheque number or bank reference').waitFor();
    await page.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('textbox', { name: 'Reference' }).fill('CHQ-2041');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('must be USD, the currency of the Professional tier').waitFor();
    await expectAccessible(page, 'offline payment refused');
    await page.getByRole('textbox', { name: 'Currency' }).fill('USD');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('status').filter({ hasText: '$120.00 recorded' }).waitFor();
    await expectAccessible(page, 'offline payment recorded');
    const [cheque] = await portal.t.sql<{ method: string; external_reference: string; status: string }>(
      `SELECT p.method, p.external_reference, m.status FROM payments p JOIN users u ON u.id = p.user_id JOIN memberships m ON m.user_id = u.id WHERE u.full_name = 'Olive Offline'`,
    );
    expect(cheque).toEqual({ method: 'cheque', external_reference: 'CHQ-2041', status: 'ACTIVE' });
    await page.getByRole('link', { name: 'Open the payment' }).click();
    await page.getByRole('region', { name: 'The payment' }).getByText('CHQ-2041').waitFor();
    await page.getByRole('region', { name: 'Audit trail' }).getByRole('cell', { name: 'dues.recordOfflinePayment' }).waitFor();

    // Reconcile with Stripe: the report, then the run in the list of last runs.
    await page.goto('/staff/payments/reconcile');
    await page.getByRole('heading', { level: 1, name: 'Reconcile with Stripe' }).waitFor();
    await page.getByText('No reconciliation has run yet.').waitFor();
    await expectAccessible(page, 'reconcile before a run');
    await page.getByRole('button', { name: 'Run reconciliation' }).click();
    const report = page.getByRole('region', { name: 'This run' });
    await report.getByRole('row', { name: /Stripe events we had already/ }).waitFor();
    await report.getByText('Nothing needed fixing: Stripe and our records agree.').waitFor();
    const runs = page.getByRole('group', { name: 'Last reconciliation runs' }).getByRole('table');
    await runs.getByRole('cell', { name: 'Fiona Finance' }).waitFor();
    const [run] = await portal.t.sql<{ trigger: string; n: number }>(`SELECT trigger, (report->>'eventsScanned')::int AS n FROM dues_reconcile_runs`);
    expect(run.trigger).toBe('MANUAL');
    expect(await report.getByRole('row', { name: /Stripe events we had already/ }).getByRole('cell').textContent()).toBe(String(run.n));
    await expectAccessible(page, 'reconcile report');
    await captureScreenshot(page, 'staff-reconcile-desktop');

    // The dues report: this year's dues, refund included.
    await page.goto('/staff/payments/dues-report');
    await page.getByRole('heading', { level: 1, name: 'Dues report' }).waitFor();
    const duesTotals = page.getByRole('group', { name: 'Dues per currency' }).getByRole('table');
    await duesTotals.getByRole('row', { name: /USD/ }).getByRole('cell', { name: '$240.00' }).waitFor();
    await expectAccessible(page, 'dues report');
    expect(problems).toEqual([]);
  });

  it('an EVENT_MANAGER is refused every payments page', async () => {
    const events = await signUpUser(portal.t, { fullName: 'Eve Events' });
    await portal.t.gql(GRANT, { id: events.id, p: ['EVENT_MANAGER'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, events, 'Eve Events');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Payments' }).count()).toBe(0);
    for (const path of ['/staff/payments', `/staff/payments/${paymentId}`, '/staff/payments/offline', '/staff/payments/reconcile', '/staff/payments/dues-report']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expectAccessible(page, `refused: ${path}`);
    }
    const refused = await portal.t.gql(`query($id: ID!) { paymentDetails(id: $id) { provider } }`, { id: paymentId }, events.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
