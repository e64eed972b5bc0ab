import { invalidRequest, missingParam } from '../errors.js';
import { expireCheckoutSession } from '../flows/checkout.js';
import { newId } from '../ids.js';
import { listPage } from '../list.js';
import { mergeMetadata, type Params } from '../params.js';
import type { HandlerContext, Route } from '../router.js';
import { mustGet, type FakeStripeStore } from '../store.js';
import type { FakeCheckoutSession, FakeLineItem, FakePrice } from '../types.js';
import { priceFromParams } from './catalog.js';

const MIN_EXPIRY = 30 * 60;
const MAX_EXPIRY = 24 * 60 * 60;

function lineItemsFrom(store: FakeStripeStore, params: Params, mode: 'payment' | 'subscription'): FakeLineItem[] {
  const lines = params.objectList('line_items');
  if (lines.length === 0) throw missingParam('line_items');
  const items = lines.map((line, index): FakeLineItem => {
    const priceData = line.object('price_data');
    const priceId = line.optionalString('price');
    let price: FakePrice;
    if (priceId !== undefined) price = mustGet(store.prices, priceId, 'price', `line_items[${index}][price]`);
    else if (priceData) price = priceFromParams(store, priceData);
    else throw missingParam(`line_items[${index}][price]`);
    if (!price.active) throw invalidRequest(`The price specified (${price.id}) is inactive.`, undefined, `line_items[${index}][price]`);
    const quantity = line.int('quantity');
    if (quantity === undefined) throw missingParam(`line_items[${index}][quantity]`);
    if (quantity < 1) throw invalidRequest('Quantity must be at least 1.', 'parameter_invalid_integer', `line_items[${index}][quantity]`);
    const amount = (price.unit_amount ?? 0) * quantity;
    return {
      id: newId('li'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: store.products.get(price.product)?.name ?? null,
      metadata: {},
      price: structuredClone(price),
      quantity,
    };
  });
  const recurring = items.filter((item) => item.price.recurring).length;
  if (mode === 'payment' && recurring > 0) {
    throw invalidRequest('You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.', undefined, 'line_items');
  }
  if (mode === 'subscription' && recurring === 0) {
    throw invalidRequest('You must provide at least one recurring price in `subscription` mode when using prices.', undefined, 'line_items');
  }
  if (new Set(items.map((item) => item.currency)).size > 1) {
    throw invalidRequest('All prices on a Checkout Session must have the same currency.', undefined, 'line_items');
  }
  return items;
}

function createSession({ store, params, baseUrl }: HandlerContext): FakeCheckoutSession {
  const mode = params.oneOf('mode', ['payment', 'subscription', 'setup'] as const);
  if (mode === undefined) throw missingParam('mode');
  if (mode === 'setup') throw invalidRequest('The fake Stripe server does not support `setup` mode.', undefined, 'mode');
  const customer = params.optionalString('customer');
  if (customer !== undefined) mustGet(store.customers, customer, 'customer', 'customer');
  const customerEmail = params.optionalString('customer_email');
  if (customer !== undefined && customerEmail !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', undefined, 'customer_email');
  }
  const subscriptionData = params.object('subscription_data');
  const paymentIntentData = params.object('payment_intent_data');
  if (mode !== 'subscription' && subscriptionData) throw invalidRequest('`subscription_data` can only be used in `subscription` mode.', undefined, 'subscription_data');
  if (mode !== 'payment' && paymentIntentData) throw invalidRequest('`payment_intent_data` can only be used in `payment` mode.', undefined, 'payment_intent_data');
  const customerCreation = params.oneOf('customer_creation', ['always', 'if_required'] as const);
  if (mode === 'subscription' && customerCreation) throw invalidRequest('`customer_creation` can only be used in `payment` mode.', undefined, 'customer_creation');
  const now = store.clock.now();
  const expiresAt = params.int('expires_at') ?? now + MAX_EXPIRY;
  if (expiresAt < now + MIN_EXPIRY || expiresAt > now + MAX_EXPIRY) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', undefined, 'expires_at');
  }
  const lineItems = lineItemsFrom(store, params, mode);
  const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  const id = newId('cs_test');
  const session: FakeCheckoutSession = {
    id,
    object: 'checkout.session',
    after_expiration: null,
    allow_promotion_codes: params.bool('allow_promotion_codes') ?? null,
    amount_subtotal: total,
    amount_total: total,
    cancel_url: params.url('cancel_url') ?? null,
    client_reference_id: params.optionalString('client_reference_id') ?? null,
    created: now,
    currency: lineItems[0]?.currency ?? null,
    customer: customer ?? null,
    customer_creation: customer !== undefined ? null : mode === 'subscription' ? 'always' : (customerCreation ?? 'if_required'),
    customer_details: null,
    customer_email: customerEmail ?? null,
    expires_at: expiresAt,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: mergeMetadata({}, params.metadata()),
    mode,
    payment_intent: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    status: 'open',
    subscription: null,
    success_url: params.url('success_url') ?? null,
    ui_mode: 'hosted',
    url: `${baseUrl}/c/pay/${id}`,
  };
  store.checkoutSessions.set(id, session);
  store.checkoutExtras.set(id, {
    lineItems,
    subscriptionMetadata: mergeMetadata({}, subscriptionData?.metadata()),
    paymentIntentMetadata: mergeMetadata({}, paymentIntentData?.metadata()),
    paymentIntentDescription: paymentIntentData?.optionalString('description') ?? null,
  });
  return session;
}

export const checkoutSessionRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/checkout/sessions', handler: createSession },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id',
    handler: ({ store, path }) => mustGet(store.checkoutSessions, path.id ?? '', 'checkout.session'),
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id/expire',
    handler: ({ store, path, request }) => {
      const id = path.id ?? '';
      expireCheckoutSession(store, id, request);
      return mustGet(store.checkoutSessions, id, 'checkout.session');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id/line_items',
    handler: ({ store, path, params }) => {
      const id = path.id ?? '';
      mustGet(store.checkoutSessions, id, 'checkout.session');
      const items = store.checkoutExtras.get(id)?.lineItems ?? [];
      const limit = params.int('limit') ?? 10;
      return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url: `/v1/checkout/sessions/${id}/line_items` };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions',
    handler: ({ store, params }) => {
      const customer = params.optionalString('customer');
      const intent = params.optionalString('payment_intent');
      const subscription = params.optionalString('subscription');
      const status = params.optionalString('status');
      return listPage(store.checkoutSessions.values(), params, '/v1/checkout/sessions', (s) =>
        (customer === undefined || s.customer === customer) &&
        (intent === undefined || s.payment_intent === intent) &&
        (subscription === undefined || s.subscription === subscription) &&
        (status === undefined || s.status === status));
    },
  },
];
