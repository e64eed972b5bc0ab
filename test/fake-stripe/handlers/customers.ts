import { EventBatch, previousAttributes } from '../events.js';
import { listPage } from '../list.js';
import { createCustomer } from '../objects/customer.js';
import { mergeMetadata } from '../params.js';
import type { Route } from '../router.js';
import { mustGet } from '../store.js';

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customers',
    handler: ({ store, params, request }) => {
      const customer = createCustomer(store, {
        email: params.optionalString('email'),
        name: params.optionalString('name'),
        description: params.optionalString('description'),
        phone: params.optionalString('phone'),
        metadata: mergeMetadata({}, params.metadata()),
      });
      new EventBatch(store, request).emit('customer.created', customer);
      return customer;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:id',
    handler: ({ store, path }) => mustGet(store.customers, path.id ?? '', 'customer'),
  },
  {
    method: 'DELETE',
    pattern: '/v1/customers/:id',
    handler: ({ store, path, request }) => {
      const customer = mustGet(store.customers, path.id ?? '', 'customer');
      store.customers.delete(customer.id);
      new EventBatch(store, request).emit('customer.deleted', customer);
      return { id: customer.id, object: 'customer', deleted: true };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/customers/:id',
    handler: ({ store, params, path, request }) => {
      const customer = mustGet(store.customers, path.id ?? '', 'customer');
      const before = structuredClone(customer);
      const email = params.nullableString('email');
      const name = params.nullableString('name');
      const description = params.nullableString('description');
      const phone = params.nullableString('phone');
      if (email !== undefined) customer.email = email;
      if (name !== undefined) customer.name = name;
      if (description !== undefined) customer.description = description;
      if (phone !== undefined) customer.phone = phone;
      customer.metadata = mergeMetadata(customer.metadata, params.metadata());
      const changed = previousAttributes(before, customer);
      if (Object.keys(changed).length > 0) new EventBatch(store, request).emit('customer.updated', customer, changed);
      return customer;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers',
    handler: ({ store, params }) => {
      const email = params.optionalString('email');
      return listPage(store.customers.values(), params, '/v1/customers', (c) => email === undefined || c.email === email);
    },
  },
];
