import { invalidRequest } from './errors.js';
import type { FakeStripeStore } from './store.js';
import type { FakeList } from './types.js';

type Resolver = (store: FakeStripeStore, id: string) => object | undefined;

/** Which collection an id-valued field points into, by field name (as Stripe names them). */
const BY_FIELD: Record<string, Resolver> = {
  customer: (store, id) => store.customers.get(id),
  product: (store, id) => store.products.get(id),
  price: (store, id) => store.prices.get(id),
  default_price: (store, id) => store.prices.get(id),
  subscription: (store, id) => store.subscriptions.get(id),
  invoice: (store, id) => store.invoices.get(id),
  latest_invoice: (store, id) => store.invoices.get(id),
  payment_intent: (store, id) => store.paymentIntents.get(id),
  charge: (store, id) => store.charges.get(id),
  latest_charge: (store, id) => store.charges.get(id),
};

type Includer = (store: FakeStripeStore, id: string) => FakeList<object>;

function listOf(url: string, data: object[]): FakeList<object> {
  return { object: 'list', data: structuredClone(data), has_more: false, url, total_count: data.length };
}

/** Fields Stripe leaves out unless expanded ("includable"), per object type. */
const INCLUDABLE: Record<string, Record<string, Includer>> = {
  'checkout.session': {
    line_items: (store, id) => listOf(`/v1/checkout/sessions/${id}/line_items`, store.checkoutExtras.get(id)?.lineItems ?? []),
  },
  invoice: {
    payments: (store, id) =>
      listOf(`/v1/invoice_payments?invoice=${id}`, [...store.invoicePayments.values()].filter((p) => p.invoice === id)),
  },
  charge: {
    refunds: (store, id) => listOf(`/v1/charges/${id}/refunds`, [...store.refunds.values()].filter((r) => r.charge === id)),
  },
  customer: {
    subscriptions: (store, id) =>
      listOf(
        `/v1/customers/${id}/subscriptions`,
        [...store.subscriptions.values()].filter((s) => s.customer === id && s.status !== 'canceled'),
      ),
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expandAt(store: FakeStripeStore, node: unknown, segments: string[], path: string): void {
  const [key, ...rest] = segments;
  if (key === undefined) return;
  if (Array.isArray(node)) {
    for (const element of node) expandAt(store, element, segments, path);
    return;
  }
  if (!isRecord(node)) return;
  const objectType = typeof node.object === 'string' ? node.object : '';
  const include = INCLUDABLE[objectType]?.[key];
  if (include && node[key] === undefined && typeof node.id === 'string') {
    node[key] = include(store, node.id);
  } else if (!(key in node)) {
    throw invalidRequest(`This property cannot be expanded (${path}).`, undefined, 'expand');
  }
  let value = node[key];
  if (typeof value === 'string') {
    const resolve = BY_FIELD[key];
    if (!resolve) throw invalidRequest(`This property cannot be expanded (${path}).`, undefined, 'expand');
    const found = resolve(store, value);
    if (found) {
      value = structuredClone(found);
      node[key] = value;
    }
  }
  expandAt(store, value, rest, path);
}

/**
 * Applies `expand[]` paths (`customer`, `latest_invoice.payments`, `data.subscription`, …) to a
 * response. Works on a copy; ids that point nowhere are left as ids.
 */
export function expandResponse<T>(store: FakeStripeStore, response: T, paths: string[]): T {
  if (paths.length === 0) return response;
  const copy = structuredClone(response);
  for (const path of paths) {
    if (path.split('.').length > 4) {
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, undefined, 'expand');
    }
    expandAt(store, copy, path.split('.'), path);
  }
  return copy;
}
