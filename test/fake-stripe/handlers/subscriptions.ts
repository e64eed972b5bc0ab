import { invalidRequest, noSuch } from '../errors.js';
import { previousAttributes, EventBatch } from '../events.js';
import { cancelSubscription } from '../flows/billing.js';
import { listPage } from '../list.js';
import { createSubscriptionItem, currentPeriod } from '../objects/subscription.js';
import { mergeMetadata } from '../params.js';
import type { HandlerContext, Route } from '../router.js';
import { mustGet } from '../store.js';
import type { FakeSubscription } from '../types.js';

const FEEDBACK = ['customer_service', 'low_quality', 'missing_features', 'other', 'switched_service', 'too_complex', 'too_expensive', 'unused'] as const;
const CANCELED_EDITABLE = new Set(['metadata', 'cancellation_details', 'expand']);

function updateItems({ store, params }: HandlerContext, subscription: FakeSubscription): void {
  const updates = params.objectList('items');
  if (updates.length === 0) return;
  const now = store.clock.now();
  for (const update of updates) {
    const itemId = update.optionalString('id');
    const priceId = update.optionalString('price');
    const price = priceId === undefined ? undefined : mustGet(store.prices, priceId, 'price', 'items[price]');
    if (price && !price.recurring) throw invalidRequest('The price specified is not recurring.', undefined, 'items[price]');
    const quantity = update.int('quantity');
    if (itemId === undefined) {
      if (!price) throw invalidRequest('Missing required param: items[price].', 'parameter_missing', 'items[price]');
      subscription.items.data.push(createSubscriptionItem(subscription.id, { price, quantity: quantity ?? 1 }, currentPeriod(subscription), now));
      continue;
    }
    const item = subscription.items.data.find((candidate) => candidate.id === itemId);
    if (!item) throw noSuch('subscription_item', itemId, 'items[id]');
    if (update.bool('deleted')) {
      subscription.items.data = subscription.items.data.filter((candidate) => candidate.id !== itemId);
      continue;
    }
    if (price) item.price = structuredClone(price);
    if (quantity !== undefined) item.quantity = quantity;
  }
  if (subscription.items.data.length === 0) throw invalidRequest('A subscription must have at least one item.', undefined, 'items');
  subscription.items.total_count = subscription.items.data.length;
}

/** `POST /v1/subscriptions/:id` — cancel_at_period_end, cancel_at, metadata, items, description. Prorations are not modelled. */
function updateSubscription(context: HandlerContext): FakeSubscription {
  const { store, params, path, request } = context;
  const subscription = mustGet(store.subscriptions, path.id ?? '', 'subscription');
  if (subscription.status === 'canceled' && Object.keys(params.raw).some((key) => !CANCELED_EDITABLE.has(key))) {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  }
  const before = structuredClone(subscription);
  const now = store.clock.now();
  const atPeriodEnd = params.bool('cancel_at_period_end');
  if (atPeriodEnd !== undefined) {
    subscription.cancel_at_period_end = atPeriodEnd;
    subscription.cancel_at = atPeriodEnd ? currentPeriod(subscription).end : null;
    subscription.canceled_at = atPeriodEnd ? now : null;
  }
  if (params.has('cancel_at')) {
    const cancelAt = params.int('cancel_at') ?? null;
    subscription.cancel_at = cancelAt;
    subscription.cancel_at_period_end = cancelAt !== null && cancelAt === currentPeriod(subscription).end;
    subscription.canceled_at = cancelAt === null ? null : now;
  }
  const description = params.nullableString('description');
  if (description !== undefined) subscription.description = description;
  const paymentMethod = params.nullableString('default_payment_method');
  if (paymentMethod !== undefined) subscription.default_payment_method = paymentMethod;
  subscription.metadata = mergeMetadata(subscription.metadata, params.metadata());
  params.oneOf('proration_behavior', ['always_invoice', 'create_prorations', 'none'] as const);
  updateItems(context, subscription);
  const details = params.object('cancellation_details');
  if (details) {
    const comment = details.nullableString('comment');
    const feedback = details.oneOf('feedback', FEEDBACK);
    subscription.cancellation_details = {
      comment: comment === undefined ? (subscription.cancellation_details?.comment ?? null) : comment,
      feedback: feedback ?? subscription.cancellation_details?.feedback ?? null,
      feedback_option: subscription.cancellation_details?.feedback_option ?? null,
      reason: subscription.cancellation_details?.reason ?? null,
    };
  }
  const changed = previousAttributes(before, subscription);
  if (Object.keys(changed).length > 0) new EventBatch(store, request).emit('customer.subscription.updated', subscription, changed);
  return subscription;
}

const STATUSES = ['active', 'all', 'canceled', 'ended', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'] as const;

function statusFilter(status: (typeof STATUSES)[number] | undefined): (s: FakeSubscription) => boolean {
  if (status === 'all') return () => true;
  if (status === 'ended') return (s) => s.status === 'canceled' || s.status === 'incomplete_expired';
  if (status === undefined) return (s) => s.status !== 'canceled' && s.status !== 'incomplete_expired';
  return (s) => s.status === status;
}

export const subscriptionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/subscriptions/:id',
    handler: ({ store, path }) => mustGet(store.subscriptions, path.id ?? '', 'subscription'),
  },
  { method: 'POST', pattern: '/v1/subscriptions/:id', handler: updateSubscription },
  {
    method: 'DELETE',
    pattern: '/v1/subscriptions/:id',
    handler: ({ store, path, params, request }) => {
      const id = path.id ?? '';
      const details = params.object('cancellation_details');
      cancelSubscription(store, id, request, { comment: details?.optionalString('comment'), feedback: details?.oneOf('feedback', FEEDBACK) });
      return mustGet(store.subscriptions, id, 'subscription');
    },
  },
  {
    method: 'GET',
    pattern: '/v1/subscriptions',
    handler: ({ store, params }) => {
      const byStatus = statusFilter(params.oneOf('status', STATUSES));
      const customer = params.optionalString('customer');
      const price = params.optionalString('price');
      return listPage(store.subscriptions.values(), params, '/v1/subscriptions', (s) =>
        byStatus(s) &&
        (customer === undefined || s.customer === customer) &&
        (price === undefined || s.items.data.some((item) => item.price.id === price)));
    },
  },
];
