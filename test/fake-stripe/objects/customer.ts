import { newId, randomToken } from '../ids.js';
import type { FakeStripeStore } from '../store.js';
import type { FakeCustomer, Metadata } from '../types.js';

export interface CustomerInit {
  email?: string | null;
  name?: string | null;
  description?: string | null;
  phone?: string | null;
  metadata?: Metadata;
}

export function createCustomer(store: FakeStripeStore, init: CustomerInit): FakeCustomer {
  const customer: FakeCustomer = {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: store.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: init.description ?? null,
    email: init.email ?? null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: init.metadata ?? {},
    name: init.name ?? null,
    phone: init.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  store.customers.set(customer.id, customer);
  return customer;
}
