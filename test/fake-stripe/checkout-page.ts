import type { ServerResponse } from 'node:http';
import type { CompleteCheckoutOptions } from './flows/checkout.js';
import { formatMoney } from '../../libs/core/src/money/format-money.js';
import type { FakeStripeStore } from './store.js';
import type { FakeCheckoutSession, FakeEvent } from './types.js';

/** What the pages need from the fake: state, the completion flow and webhook flushing. */
export interface PageDeps {
  store: FakeStripeStore;
  completeCheckoutSession(id: string, options?: CompleteCheckoutOptions): FakeEvent[];
  waitForWebhooks(): Promise<void>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Minor units → "€25.00" / "¥500", using the currency's own number of decimals. */
export function formatAmount(amount: number, currency: string): string {
  try {
    return formatMoney(amount, currency);
  } catch {
    return `${amount} ${currency.toUpperCase()} (minor units)`;
  }
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
.banner{background:#fde68a;border:2px solid #b45309;padding:.75rem;font-weight:bold;text-align:center}
table{width:100%;border-collapse:collapse}td{padding:.25rem 0}td:last-child{text-align:right}
button{font-size:1.1rem;padding:.5rem 2rem;margin-top:1rem}</style></head>
<body><p class="banner" role="alert">Test double — this is not Stripe</p>
<h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function checkoutForm(store: FakeStripeStore, session: FakeCheckoutSession): string {
  const lines = store.checkoutExtras.get(session.id)?.lineItems ?? [];
  const currency = session.currency ?? 'usd';
  const rows = lines
    .map((line) => {
      const every = line.price.recurring ? ` / ${line.price.recurring.interval_count > 1 ? `${line.price.recurring.interval_count} ` : ''}${line.price.recurring.interval}` : '';
      return `<tr><td>${escapeHtml(`${line.quantity ?? 1} × ${line.description ?? line.price.id}`)}</td><td>${escapeHtml(formatAmount(line.amount_total, currency) + every)}</td></tr>`;
    })
    .join('');
  const email = session.customer_email ?? (session.customer ? store.customers.get(session.customer)?.email : null) ?? '';
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : '';
  return `<table>${rows}<tr><td><strong>Total due today</strong></td><td><strong>${escapeHtml(formatAmount(session.amount_total ?? 0, currency))}</strong></td></tr></table>
<form method="post" action="/c/pay/${escapeHtml(encodeURIComponent(session.id))}">
<p><label>Email <input type="email" name="email" value="${escapeHtml(email)}"></label></p>
<p><label>Name <input type="text" name="name"></label></p>
<button type="submit">Pay</button></form>${cancel}`;
}

function successUrl(session: FakeCheckoutSession): string | null {
  return session.success_url ? session.success_url.split('{CHECKOUT_SESSION_ID}').join(session.id) : null;
}

/**
 * Serves `GET /c/pay/:id` (the payment page), `POST /c/pay/:id` (the Pay button: completes the
 * session, waits for webhook delivery, then redirects to success_url) and `GET /p/session/:id`
 * (a stub billing portal). Returns false for any other path.
 */
export async function servePage(deps: PageDeps, method: string, path: string, form: URLSearchParams, res: ServerResponse): Promise<boolean> {
  const pay = /^\/c\/pay\/([^/]+)$/.exec(path);
  const portal = /^\/p\/session\/([^/]+)$/.exec(path);
  if (pay?.[1]) {
    const session = deps.store.checkoutSessions.get(decodeURIComponent(pay[1]));
    if (!session) {
      page(res, 404, 'Checkout session not found', '<p>There is no checkout session at this address.</p>');
    } else if (session.status !== 'open') {
      page(res, 410, 'This checkout session is no longer open', `<p>Status: ${escapeHtml(session.status ?? 'unknown')}.</p>`);
    } else if (method === 'GET') {
      page(res, 200, 'Pay (test)', checkoutForm(deps.store, session));
    } else if (method === 'POST') {
      deps.completeCheckoutSession(session.id, { email: form.get('email') || undefined, name: form.get('name') || undefined });
      await deps.waitForWebhooks();
      const target = successUrl(session);
      if (target) {
        res.writeHead(303, { Location: target });
        res.end();
      } else {
        page(res, 200, 'Payment complete', '<p>The test payment succeeded.</p>');
      }
    } else {
      page(res, 405, 'Method not allowed', '');
    }
    return true;
  }
  if (portal?.[1] && method === 'GET') {
    const session = deps.store.portalSessions.get(decodeURIComponent(portal[1]));
    if (!session) {
      page(res, 404, 'Portal session not found', '');
      return true;
    }
    const subscriptions = [...deps.store.subscriptions.values()].filter((s) => s.customer === session.customer);
    const rows = subscriptions
      .map((s) => `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.status)}${s.cancel_at_period_end ? ' (cancels at period end)' : ''}</td></tr>`)
      .join('');
    const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return</a></p>` : '';
    page(res, 200, 'Billing portal (test)', `<table>${rows}</table>${back}`);
    return true;
  }
  return false;
}
