import Stripe from 'stripe';
import type { PageDeps } from './checkout-page.js';
import { FailureInjector, type FailNextOptions } from './failures.js';
import { cancelSubscription, failInvoicePayment, payOpenInvoice, renewSubscription } from './flows/billing.js';
import { completeCheckoutSession, expireCheckoutSession, type CompleteCheckoutOptions } from './flows/checkout.js';
import { FakeStripeServer } from './server.js';
import { FakeStripeStore, type RecordedRequest } from './store.js';
import type { FakeEvent } from './types.js';
import { WebhookDeliverer, type DeliverOptions, type WebhookDelivery } from './webhook-delivery.js';

export interface StartFakeStripeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Deliver each new event to webhookUrl as it happens. Default: true when url and secret are set. */
  autoDeliverWebhooks?: boolean;
}

export interface WebhookSettings {
  url: string;
  secret: string;
  /** Default true. */
  autoDeliver?: boolean;
}

/**
 * A running fake Stripe: point the real SDK at it with
 * `new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http' })` or `fake.client()`.
 * The helpers change state the way Stripe would, append events, and return those events.
 */
export class FakeStripe {
  readonly url: string;

  private constructor(
    /** All state, for assertions: `fake.store.subscriptions.get(id)`, … */
    readonly store: FakeStripeStore,
    private readonly failures: FailureInjector,
    private readonly webhooks: WebhookDeliverer,
    private readonly server: FakeStripeServer,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: StartFakeStripeOptions = {}): Promise<FakeStripe> {
    const store = new FakeStripeStore();
    const failures = new FailureInjector();
    const webhooks = new WebhookDeliverer(store);
    const pages: PageDeps = {
      store,
      completeCheckoutSession: (id, opts) => completeCheckoutSession(store, id, opts),
      waitForWebhooks: () => webhooks.idle(),
    };
    const server = new FakeStripeServer({ store, failures, pages });
    const port = await server.listen(options.port ?? 0);
    const fake = new FakeStripe(store, failures, webhooks, server, port);
    if (options.webhookUrl && options.webhookSecret) {
      fake.configureWebhooks({ url: options.webhookUrl, secret: options.webhookSecret, autoDeliver: options.autoDeliverWebhooks ?? true });
    }
    return fake;
  }

  /** Every request received, in order (retries, replays and injected failures included). */
  get requests(): RecordedRequest[] {
    return this.store.requests;
  }

  /** Every event, oldest first. */
  get events(): FakeEvent[] {
    return this.store.events;
  }

  /** Every webhook POST made (automatic or through `deliverEvent`). */
  get deliveries(): WebhookDelivery[] {
    return this.webhooks.deliveries;
  }

  /** A Stripe SDK client pointed at this fake. */
  client(config: Stripe.StripeConfig = {}, key = 'sk_test_fake_guildhall'): Stripe {
    return new Stripe(key, { ...config, host: '127.0.0.1', port: this.port, protocol: 'http' });
  }

  /** Makes the next `times` calls matching method and path fail or hang (see FailNextOptions). */
  failNext(options: FailNextOptions): void {
    this.failures.add(options);
  }

  /** Sets (or replaces) the webhook endpoint, e.g. once the app under test knows its port. */
  configureWebhooks(settings: WebhookSettings | undefined): void {
    this.webhooks.configure(settings && { url: settings.url, secret: settings.secret }, settings?.autoDeliver ?? true);
  }

  /** Forgets all objects, events, requests, idempotency keys, failure rules, queued and logged deliveries. */
  reset(): void {
    this.store.reset();
    this.failures.clear();
    this.webhooks.reset();
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  /** The fake clock in unix seconds. */
  now(): number {
    return this.store.clock.now();
  }

  /** Moves the fake clock forward (affects `created` of later objects and events). */
  advanceClock(seconds: number): number {
    return this.store.clock.advance(seconds);
  }

  completeCheckoutSession(id: string, options?: CompleteCheckoutOptions): FakeEvent[] {
    return completeCheckoutSession(this.store, id, options);
  }

  expireCheckoutSession(id: string): FakeEvent[] {
    return expireCheckoutSession(this.store, id);
  }

  /** Next period paid (or, with cancel_at_period_end, the subscription ends). */
  renewSubscription(id: string): FakeEvent[] {
    return renewSubscription(this.store, id);
  }

  /** A declined renewal (or another declined retry of the open invoice): past_due. */
  failInvoicePayment(subscriptionId: string): FakeEvent[] {
    return failInvoicePayment(this.store, subscriptionId);
  }

  /** A successful retry of the open invoice left by failInvoicePayment: active again. */
  payOpenInvoice(subscriptionId: string): FakeEvent[] {
    return payOpenInvoice(this.store, subscriptionId);
  }

  /** The subscription ends now (`customer.subscription.deleted`). */
  deleteSubscription(id: string): FakeEvent[] {
    return cancelSubscription(this.store, id);
  }

  /** Signs and POSTs one event (by object or id) now; resolves with what the app answered. */
  deliverEvent(event: FakeEvent | string, options?: DeliverOptions): Promise<WebhookDelivery> {
    const found = typeof event === 'string' ? this.store.events.find((candidate) => candidate.id === event) : event;
    if (!found) throw new Error(`fake Stripe: no event ${String(event)}`);
    return this.webhooks.deliver(found, options);
  }

  /** Called after each webhook POST (e.g. to log failures); returns an unsubscribe function. */
  onWebhookDelivery(listener: (delivery: WebhookDelivery) => void): () => void {
    return this.webhooks.onDelivery(listener);
  }

  /** Resolves when every automatic webhook delivery so far has been answered. */
  waitForWebhooks(): Promise<void> {
    return this.webhooks.idle();
  }
}

export function startFakeStripe(options?: StartFakeStripeOptions): Promise<FakeStripe> {
  return FakeStripe.start(options);
}
