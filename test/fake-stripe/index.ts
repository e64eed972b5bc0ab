/** Public surface of the fake Stripe server used by Guildhall's tests and local runs. */
export { STRIPE_API_VERSION } from './api-version.js';
export { FakeStripe, startFakeStripe, type StartFakeStripeOptions, type WebhookSettings } from './fake-stripe.js';
export type { FailNextOptions } from './failures.js';
export type { CompleteCheckoutOptions } from './flows/checkout.js';
export { signWebhookPayload } from './sign.js';
export type { FakeStripeStore, RecordedRequest } from './store.js';
export type {
  FakeCharge, FakeCheckoutSession, FakeCustomer, FakeEvent, FakeEventType, FakeInvoice, FakeInvoiceLineItem,
  FakeInvoicePayment, FakeLineItem, FakeList, FakeObject, FakePaymentIntent, FakePortalSession, FakePrice, FakeProduct,
  FakeRefund, FakeSubscription, FakeSubscriptionItem,
} from './types.js';
export type { DeliverOptions, WebhookDelivery } from './webhook-delivery.js';
