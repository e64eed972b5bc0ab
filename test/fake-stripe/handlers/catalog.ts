import { invalidRequest } from '../errors.js';
import { EventBatch, previousAttributes } from '../events.js';
import { listPage } from '../list.js';
import { claimLookupKey, createPrice, createProduct, INTERVALS } from '../objects/catalog.js';
import { mergeMetadata, type Params } from '../params.js';
import type { Route } from '../router.js';
import { mustGet, type FakeStripeStore } from '../store.js';
import type { FakePrice } from '../types.js';

/** Shared by `POST /v1/prices` and Checkout's `line_items[][price_data]`. */
export function priceFromParams(store: FakeStripeStore, params: Params): FakePrice {
  let product = params.optionalString('product');
  const productData = params.object('product_data');
  if (product === undefined && productData) {
    product = createProduct(store, { name: productData.requiredString('name'), metadata: mergeMetadata({}, productData.metadata()) }).id;
  }
  if (product === undefined) throw invalidRequest('You must specify either `product` or `product_data` when creating a price.', 'parameter_missing', 'product');
  mustGet(store.products, product, 'product', 'product');
  const unitAmount = params.int('unit_amount');
  if (unitAmount === undefined) throw invalidRequest('Missing required param: unit_amount.', 'parameter_missing', 'unit_amount');
  if (unitAmount < 0) throw invalidRequest('This value must be greater than or equal to 0.', 'parameter_invalid_integer', 'unit_amount');
  const recurring = params.object('recurring');
  return createPrice(store, {
    product,
    currency: params.requiredString('currency'),
    unitAmount,
    recurring: recurring
      ? { interval: recurring.oneOf('interval', INTERVALS) ?? 'month', intervalCount: recurring.int('interval_count') ?? 1 }
      : undefined,
    lookupKey: params.optionalString('lookup_key'),
    transferLookupKey: params.bool('transfer_lookup_key'),
    nickname: params.optionalString('nickname'),
    active: params.bool('active'),
    metadata: mergeMetadata({}, params.metadata()),
  });
}

export const catalogRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/products',
    handler: ({ store, params, request }) => {
      const product = createProduct(store, {
        id: params.optionalString('id'),
        name: params.requiredString('name'),
        active: params.bool('active'),
        description: params.optionalString('description'),
        metadata: mergeMetadata({}, params.metadata()),
      });
      new EventBatch(store, request).emit('product.created', product);
      return product;
    },
  },
  { method: 'GET', pattern: '/v1/products/:id', handler: ({ store, path }) => mustGet(store.products, path.id ?? '', 'product') },
  {
    method: 'POST',
    pattern: '/v1/products/:id',
    handler: ({ store, params, path, request }) => {
      const product = mustGet(store.products, path.id ?? '', 'product');
      const before = structuredClone(product);
      product.name = params.optionalString('name') ?? product.name;
      product.active = params.bool('active') ?? product.active;
      const description = params.nullableString('description');
      if (description !== undefined) product.description = description;
      product.metadata = mergeMetadata(product.metadata, params.metadata());
      const changed = previousAttributes(before, product);
      if (Object.keys(changed).length > 0) {
        product.updated = store.clock.now();
        new EventBatch(store, request).emit('product.updated', product, previousAttributes(before, product));
      }
      return product;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/products',
    handler: ({ store, params }) => {
      const active = params.bool('active');
      const ids = params.stringList('ids');
      return listPage(store.products.values(), params, '/v1/products', (p) =>
        (active === undefined || p.active === active) && (ids.length === 0 || ids.includes(p.id)));
    },
  },
  {
    method: 'POST',
    pattern: '/v1/prices',
    handler: ({ store, params, request }) => {
      const price = priceFromParams(store, params);
      new EventBatch(store, request).emit('price.created', price);
      return price;
    },
  },
  { method: 'GET', pattern: '/v1/prices/:id', handler: ({ store, path }) => mustGet(store.prices, path.id ?? '', 'price') },
  {
    method: 'POST',
    pattern: '/v1/prices/:id',
    handler: ({ store, params, path, request }) => {
      const price = mustGet(store.prices, path.id ?? '', 'price');
      const before = structuredClone(price);
      const lookupKey = params.nullableString('lookup_key');
      if (lookupKey) claimLookupKey(store, lookupKey, params.bool('transfer_lookup_key') ?? false, price.id);
      if (lookupKey !== undefined) price.lookup_key = lookupKey;
      const nickname = params.nullableString('nickname');
      if (nickname !== undefined) price.nickname = nickname;
      price.active = params.bool('active') ?? price.active;
      price.metadata = mergeMetadata(price.metadata, params.metadata());
      const changed = previousAttributes(before, price);
      if (Object.keys(changed).length > 0) new EventBatch(store, request).emit('price.updated', price, changed);
      return price;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/prices',
    handler: ({ store, params }) => {
      const active = params.bool('active');
      const product = params.optionalString('product');
      const type = params.optionalString('type');
      const currency = params.optionalString('currency');
      const lookupKeys = params.stringList('lookup_keys');
      return listPage(store.prices.values(), params, '/v1/prices', (p) =>
        (active === undefined || p.active === active) &&
        (product === undefined || p.product === product) &&
        (type === undefined || p.type === type) &&
        (currency === undefined || p.currency === currency.toLowerCase()) &&
        (lookupKeys.length === 0 || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))));
    },
  },
];
