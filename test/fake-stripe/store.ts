import { FakeClock } from './clock.js';
import { noSuch } from './errors.js';
import type { FormObject } from './form.js';
import type {
  FakeCharge, FakeCheckoutSession, FakeCustomer, FakeEvent, FakeInvoice, FakeInvoicePayment, FakeLineItem,
  FakePaymentIntent, FakePortalSession, FakePrice, FakeProduct, FakeRefund, FakeSubscription, Metadata,
} from './types.js';

/** One HTTP request the fake received, in arrival order (retries and replays included). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/checkout/sessions`. */
  path: string;
  query: FormObject;
  /** The parsed form body (POST). */
  body: FormObject;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  requestId: string;
  /** Status sent back; undefined while the request is still pending (or hanging). */
  status?: number;
  /** The answer was replayed from the idempotency cache. */
  replayed: boolean;
  /** The answer came from a `failNext` rule. */
  injectedFailure: boolean;
}

/** What Checkout must remember from session creation to act on completion. */
export interface CheckoutSessionExtras {
  lineItems: FakeLineItem[];
  subscriptionMetadata: Metadata;
  paymentIntentMetadata: Metadata;
  paymentIntentDescription: string | null;
}

export interface StoredResponse {
  method: string;
  path: string;
  rawBody: string;
  status: number;
  body: string;
  requestId: string;
}

/** All state of one fake Stripe account. Collections iterate in creation order. */
export class FakeStripeStore {
  readonly clock = new FakeClock();
  readonly customers = new Map<string, FakeCustomer>();
  readonly products = new Map<string, FakeProduct>();
  readonly prices = new Map<string, FakePrice>();
  readonly checkoutSessions = new Map<string, FakeCheckoutSession>();
  readonly checkoutExtras = new Map<string, CheckoutSessionExtras>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly invoices = new Map<string, FakeInvoice>();
  readonly invoicePayments = new Map<string, FakeInvoicePayment>();
  readonly paymentIntents = new Map<string, FakePaymentIntent>();
  readonly charges = new Map<string, FakeCharge>();
  readonly refunds = new Map<string, FakeRefund>();
  readonly portalSessions = new Map<string, FakePortalSession>();
  readonly events: FakeEvent[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Idempotency-Key → first successful response. */
  readonly idempotency = new Map<string, StoredResponse>();
  /** Value of `pending_webhooks` on new events (1 when a webhook endpoint is configured). */
  webhookEndpointCount = 0;
  private readonly listeners = new Set<(event: FakeEvent) => void>();

  onEvent(listener: (event: FakeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: FakeEvent): void {
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }

  /** Clears every object, event, request and idempotency entry (in place: held references stay valid). */
  reset(): void {
    for (const map of [
      this.customers, this.products, this.prices, this.checkoutSessions, this.checkoutExtras, this.subscriptions,
      this.invoices, this.invoicePayments, this.paymentIntents, this.charges, this.refunds, this.portalSessions,
      this.idempotency,
    ]) {
      map.clear();
    }
    this.events.length = 0;
    this.requests.length = 0;
    this.clock.reset();
  }
}

/** Looks an object up or answers Stripe's `No such …` error. */
export function mustGet<T>(map: Map<string, T>, id: string, kind: string, param?: string): T {
  const found = map.get(id);
  if (!found) throw noSuch(kind, id, param);
  return found;
}
