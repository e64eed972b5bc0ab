import { invalidRequest } from '../errors.js';
import { newId } from '../ids.js';
import type { FakeStripeStore } from '../store.js';
import type { FakePrice, FakeProduct, Metadata } from '../types.js';

export const INTERVALS = ['day', 'week', 'month', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface ProductInit {
  id?: string;
  name: string;
  active?: boolean;
  description?: string | null;
  metadata?: Metadata;
}

export function createProduct(store: FakeStripeStore, init: ProductInit): FakeProduct {
  if (init.id !== undefined && store.products.has(init.id)) {
    throw invalidRequest('Product already exists.', 'resource_already_exists', 'id');
  }
  const now = store.clock.now();
  const product: FakeProduct = {
    id: init.id ?? newId('prod'),
    object: 'product',
    active: init.active ?? true,
    created: now,
    default_price: null,
    description: init.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: init.metadata ?? {},
    name: init.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  };
  store.products.set(product.id, product);
  return product;
}

export interface PriceInit {
  product: string;
  currency: string;
  unitAmount: number;
  recurring?: { interval: Interval; intervalCount: number };
  lookupKey?: string | null;
  transferLookupKey?: boolean;
  nickname?: string | null;
  active?: boolean;
  metadata?: Metadata;
}

/** Stripe keeps lookup keys unique: taking one needs `transfer_lookup_key=true`. */
export function claimLookupKey(store: FakeStripeStore, lookupKey: string, transfer: boolean, forPrice?: string): void {
  for (const other of store.prices.values()) {
    if (other.lookup_key !== lookupKey || other.id === forPrice) continue;
    if (!transfer) {
      throw invalidRequest(
        `A price (\`${other.id}\`) already uses that lookup key. Set \`transfer_lookup_key=true\` to move the lookup key to this price.`,
        'lookup_key_exists',
        'lookup_key',
      );
    }
    other.lookup_key = null;
  }
}

export function createPrice(store: FakeStripeStore, init: PriceInit): FakePrice {
  if (init.lookupKey) claimLookupKey(store, init.lookupKey, init.transferLookupKey ?? false);
  const price: FakePrice = {
    id: newId('price'),
    object: 'price',
    active: init.active ?? true,
    billing_scheme: 'per_unit',
    created: store.clock.now(),
    currency: init.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: init.lookupKey ?? null,
    metadata: init.metadata ?? {},
    nickname: init.nickname ?? null,
    product: init.product,
    recurring: init.recurring
      ? { interval: init.recurring.interval, interval_count: init.recurring.intervalCount, meter: null, trial_period_days: null, usage_type: 'licensed' }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: init.recurring ? 'recurring' : 'one_time',
    unit_amount: init.unitAmount,
    unit_amount_decimal: String(init.unitAmount),
  };
  store.prices.set(price.id, price);
  return price;
}

/** `start` plus N intervals, clamping the day of month as Stripe does (31 Jan + 1 month = 28/29 Feb). */
export function addInterval(start: number, interval: Interval, count: number): number {
  if (interval === 'day') return start + count * 86_400;
  if (interval === 'week') return start + count * 7 * 86_400;
  const date = new Date(start * 1000);
  const months = interval === 'month' ? count : count * 12;
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}
