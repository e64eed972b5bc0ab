/**
 * Stripe webhook ingestion benchmark (real PostgreSQL, a fresh database from the test template, and
 * the fake Stripe over HTTP through the real SDK, as in the e2e tests).
 *
 * Members pay by subscription Checkout; a third then renew and a sixth fail a renewal. Every event
 * Stripe would send (handled and ignored types) plus 10% duplicates is shuffled and POSTed, signed,
 * to /webhooks/stripe by BENCH_WEBHOOK_CONCURRENCY (default 20) senders at once. Reports events/s,
 * p50/p99 latency, non-2xx answers, and checks the ledger: zero duplicate payments, one period per
 * paid invoice. `runWebhookBench()` is what bench/run.ts can call; `node dist-bench/bench/webhooks.bench.js`
 * runs it alone (BENCH_WEBHOOK_MEMBERS, default 300).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Role } from '../libs/core/src/index.js';
import { CheckoutService } from '../libs/dues/src/checkout/checkout.service.js';
import { signWebhookPayload, startFakeStripe, type FakeEvent } from '../test/fake-stripe/index.js';
import { createAdminUser } from '../test/factories/users.js';
import { startTestApp } from '../test/utils/test-app.js';
import { printTable } from './table.js';

const SECRET = 'whsec_bench';
const HANDLED = new Set(['checkout.session.completed', 'invoice.paid', 'invoice.payment_failed', 'customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted', 'charge.refunded']);

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** Deterministic shuffle (mulberry32), so runs are comparable. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runWebhookBench(): Promise<void> {
  const members = positiveInt('BENCH_WEBHOOK_MEMBERS', 300);
  const concurrency = positiveInt('BENCH_WEBHOOK_CONCURRENCY', 20);
  const fake = await startFakeStripe({ port: 0 });
  const t = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url, DB_POOL_SIZE: '20' });
  try {
    const admin = await createAdminUser(t);
    const tier = await t.gql(
      `mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id } }`,
      { input: { name: 'Bench tier', price: { amount: 10_000, currency: 'EUR' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 30, eventDiscountPercent: 0 } },
      admin.accessToken,
    );
    const tierId = tier.data!.createMembershipTier.id as string;
    const people: Array<{ user_id: string; membership_id: string }> = await t.sql(
      `WITH u AS (
         INSERT INTO users (email, password_hash, full_name) SELECT 'bench.webhook.' || g || '@example.org', 'x', 'Bench ' || g FROM generate_series(1, $1) g RETURNING id
       )
       INSERT INTO memberships (user_id, tier_id, status, auto_renew) SELECT id, $2, 'PENDING_PAYMENT', true FROM u RETURNING user_id, id AS membership_id`,
      [members, tierId],
    );

    const setupStarted = performance.now();
    const checkout = t.app.get(CheckoutService);
    const events: FakeEvent[] = [];
    for (const [i, person] of people.entries()) {
      const session = await checkout.start({ id: person.user_id, role: Role.USER, sessionId: 'bench' }, person.membership_id, true);
      events.push(...fake.completeCheckoutSession(session.id));
      const subscription = fake.store.checkoutSessions.get(session.id)!.subscription!;
      if (i % 3 === 0) events.push(...fake.renewSubscription(subscription));
      if (i % 6 === 1) events.push(...fake.failInvoicePayment(subscription));
    }
    const duplicates = shuffle(events, 7).slice(0, Math.round(events.length / 10));
    const deliveries = shuffle([...events, ...duplicates], 42);
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const latencies: number[] = [];
    const handledLatencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const url = `${t.url}/webhooks/stripe`;
    const sender = async () => {
      while (next < deliveries.length) {
        const event = deliveries[next++];
        const payload = JSON.stringify(event);
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signWebhookPayload(payload, SECRET) }, body: payload });
        await response.arrayBuffer();
        const ms = performance.now() - started;
        latencies.push(ms);
        if (HANDLED.has(event.type)) handledLatencies.push(ms);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, sender));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    handledLatencies.sort((a, b) => a - b);

    const [ledger] = await t.sql<{ payments: number; distinct_invoices: number; periods: number; active: number; grace: number }>(
      `SELECT (SELECT count(*)::int FROM payments) AS payments,
              (SELECT count(DISTINCT stripe_invoice_id)::int FROM payments) AS distinct_invoices,
              (SELECT count(*)::int FROM membership_periods) AS periods,
              (SELECT count(*)::int FROM memberships WHERE status = 'ACTIVE') AS active,
              (SELECT count(*)::int FROM memberships WHERE status = 'GRACE') AS grace`,
    );
    const paidInvoices = [...fake.store.invoices.values()].filter((i) => i.status === 'paid').length;
    const non2xx = [...statuses.entries()].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, n]) => sum + n, 0);

    printTable(
      ['webhook ingestion', 'value'],
      [
        ['members (subscription checkout; 1/3 renew, 1/6 fail a renewal)', members],
        ['events sent (all types) + 10% duplicates, shuffled', `${events.length} + ${duplicates.length} = ${deliveries.length}`],
        ['of which handled types (read from Stripe, then applied)', deliveries.filter((e) => HANDLED.has(e.type)).length],
        ['concurrent senders', concurrency],
        ['events/s', (deliveries.length / seconds).toFixed(0)],
        ['latency p50 / p99 ms (all)', `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`],
        ['latency p50 / p99 ms (handled types)', `${percentile(handledLatencies, 50).toFixed(1)} / ${percentile(handledLatencies, 99).toFixed(1)}`],
        ['answers', [...statuses.entries()].map(([status, n]) => `${status}×${n}`).join(', ')],
        ['payments recorded / paid invoices at Stripe', `${ledger.payments} / ${paidInvoices}`],
        ['duplicate payments', ledger.payments - ledger.distinct_invoices],
        ['membership periods (one per paid invoice)', ledger.periods],
        ['memberships ACTIVE / GRACE', `${ledger.active} / ${ledger.grace}`],
        ['setup (checkouts and Stripe-side flows, not measured) s', setupSeconds.toFixed(1)],
      ],
    );
    if (non2xx > 0 || ledger.payments !== paidInvoices || ledger.payments !== ledger.distinct_invoices || ledger.periods !== paidInvoices) {
      throw new Error('webhook bench: the ledger does not match Stripe (see the table)');
    }
  } finally {
    await t.close();
    await fake.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runWebhookBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
