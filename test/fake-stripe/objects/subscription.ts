import { newId } from '../ids.js';
import type { FakeStripeStore } from '../store.js';
import type { FakePrice, FakeSubscription, FakeSubscriptionItem, Metadata } from '../types.js';
import { addInterval, INTERVALS, type Interval } from './catalog.js';

export interface SubscriptionItemInit {
  price: FakePrice;
  quantity: number;
}

export interface Period {
  start: number;
  end: number;
}

/** The billing interval of a subscription: that of its first recurring price. */
export function billingInterval(items: readonly { price: FakePrice }[]): { interval: Interval; count: number } {
  const recurring = items.find((item) => item.price.recurring)?.price.recurring;
  if (!recurring) throw new Error('fake Stripe: a subscription needs at least one recurring price');
  const interval = INTERVALS.find((candidate) => candidate === recurring.interval) ?? 'month';
  return { interval, count: recurring.interval_count };
}

export function nextPeriod(start: number, items: readonly { price: FakePrice }[]): Period {
  const { interval, count } = billingInterval(items);
  return { start, end: addInterval(start, interval, count) };
}

/** The current period, which in this API version lives on the subscription items. */
export function currentPeriod(subscription: FakeSubscription): Period {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`fake Stripe: subscription ${subscription.id} has no items`);
  return { start: item.current_period_start, end: item.current_period_end };
}

export function setPeriod(subscription: FakeSubscription, period: Period): void {
  for (const item of subscription.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

export function createSubscriptionItem(subscriptionId: string, init: SubscriptionItemInit, period: Period, created: number): FakeSubscriptionItem {
  return {
    id: newId('si'),
    object: 'subscription_item',
    created,
    current_period_end: period.end,
    current_period_start: period.start,
    discounts: [],
    metadata: {},
    price: structuredClone(init.price),
    quantity: init.quantity,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

export interface SubscriptionInit {
  customer: string;
  items: SubscriptionItemInit[];
  metadata: Metadata;
  description?: string | null;
}

/** An `active` subscription whose first period starts now. */
export function createSubscription(store: FakeStripeStore, init: SubscriptionInit): FakeSubscription {
  const now = store.clock.now();
  const id = newId('sub');
  const recurringItems = init.items.filter((item) => item.price.recurring);
  const period = nextPeriod(now, recurringItems);
  const subscription: FakeSubscription = {
    id,
    object: 'subscription',
    application: null,
    billing_cycle_anchor: now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: recurringItems[0]?.price.currency ?? 'usd',
    customer: init.customer,
    days_until_due: null,
    default_payment_method: null,
    description: init.description ?? null,
    discounts: [],
    ended_at: null,
    items: {
      object: 'list',
      data: recurringItems.map((item) => createSubscriptionItem(id, item, period, now)),
      has_more: false,
      total_count: recurringItems.length,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: { ...init.metadata },
    pause_collection: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: 'active',
    test_clock: null,
    trial_end: null,
    trial_start: null,
  };
  store.subscriptions.set(id, subscription);
  return subscription;
}
