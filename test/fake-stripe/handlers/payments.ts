import { createRefund } from '../flows/refunds.js';
import { listPage } from '../list.js';
import { mergeMetadata } from '../params.js';
import type { Route } from '../router.js';
import { mustGet } from '../store.js';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

/** Invoices, invoice payments, payment intents, charges and refunds. */
export const paymentRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/invoices/:id', handler: ({ store, path }) => mustGet(store.invoices, path.id ?? '', 'invoice') },
  {
    method: 'GET',
    pattern: '/v1/invoices/:id/lines',
    handler: ({ store, path }) => mustGet(store.invoices, path.id ?? '', 'invoice').lines,
  },
  {
    method: 'GET',
    pattern: '/v1/invoices',
    handler: ({ store, params }) => {
      const customer = params.optionalString('customer');
      const subscription = params.optionalString('subscription');
      const status = params.optionalString('status');
      return listPage(store.invoices.values(), params, '/v1/invoices', (invoice) =>
        (customer === undefined || invoice.customer === customer) &&
        (subscription === undefined || invoice.parent?.subscription_details?.subscription === subscription) &&
        (status === undefined || invoice.status === status));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/invoice_payments/:id',
    handler: ({ store, path }) => mustGet(store.invoicePayments, path.id ?? '', 'invoice_payment'),
  },
  {
    method: 'GET',
    pattern: '/v1/invoice_payments',
    handler: ({ store, params }) => {
      const invoice = params.optionalString('invoice');
      return listPage(store.invoicePayments.values(), params, '/v1/invoice_payments', (p) => invoice === undefined || p.invoice === invoice);
    },
  },
  {
    method: 'GET',
    pattern: '/v1/payment_intents/:id',
    handler: ({ store, path }) => mustGet(store.paymentIntents, path.id ?? '', 'payment_intent'),
  },
  {
    method: 'GET',
    pattern: '/v1/payment_intents',
    handler: ({ store, params }) => {
      const customer = params.optionalString('customer');
      return listPage(store.paymentIntents.values(), params, '/v1/payment_intents', (pi) => customer === undefined || pi.customer === customer);
    },
  },
  { method: 'GET', pattern: '/v1/charges/:id', handler: ({ store, path }) => mustGet(store.charges, path.id ?? '', 'charge') },
  {
    method: 'GET',
    pattern: '/v1/charges',
    handler: ({ store, params }) => {
      const customer = params.optionalString('customer');
      const intent = params.optionalString('payment_intent');
      return listPage(store.charges.values(), params, '/v1/charges', (charge) =>
        (customer === undefined || charge.customer === customer) && (intent === undefined || charge.payment_intent === intent));
    },
  },
  {
    method: 'POST',
    pattern: '/v1/refunds',
    handler: ({ store, params, request }) =>
      createRefund(
        store,
        {
          charge: params.optionalString('charge'),
          paymentIntent: params.optionalString('payment_intent'),
          amount: params.int('amount'),
          reason: params.oneOf('reason', REASONS) ?? null,
          metadata: mergeMetadata({}, params.metadata()),
        },
        request,
      ).refund,
  },
  { method: 'GET', pattern: '/v1/refunds/:id', handler: ({ store, path }) => mustGet(store.refunds, path.id ?? '', 'refund') },
  {
    method: 'GET',
    pattern: '/v1/refunds',
    handler: ({ store, params }) => {
      const charge = params.optionalString('charge');
      const intent = params.optionalString('payment_intent');
      return listPage(store.refunds.values(), params, '/v1/refunds', (refund) =>
        (charge === undefined || refund.charge === charge) && (intent === undefined || refund.payment_intent === intent));
    },
  },
];
