import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signWebhookPayload } from './sign.js';
import type { FakeStripeStore } from './store.js';
import type { FakeEvent } from './types.js';

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** One POST of an event to a webhook URL, successful or not. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  url: string;
  /** HTTP status the app answered; undefined when the connection failed. */
  status?: number;
  responseBody?: string;
  error?: string;
  signature: string;
  payload: string;
}

export interface DeliverOptions {
  /** Defaults to the configured endpoint. */
  url?: string;
  secret?: string;
  /** Signature timestamp in unix seconds (default now): old or future values test rejection. */
  timestamp?: number;
  /** Send this `Stripe-Signature` header verbatim instead of signing. */
  signature?: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;

function post(url: string, payload: string, signature: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'Stripe-Signature': signature,
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          Connection: 'close',
        },
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`webhook delivery timed out after ${DELIVERY_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Signs and POSTs events to the app, like Stripe's webhook sender. Automatic delivery sends each
 * new event once, in creation order, one at a time (no automatic retries: call `deliver` again).
 */
export class WebhookDeliverer {
  readonly deliveries: WebhookDelivery[] = [];
  private endpoint: WebhookEndpoint | undefined;
  private autoDeliver = false;
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private readonly listeners = new Set<(delivery: WebhookDelivery) => void>();

  constructor(private readonly store: FakeStripeStore) {
    store.onEvent((event) => {
      if (this.autoDeliver && this.endpoint) this.enqueue(event);
    });
  }

  configure(endpoint: WebhookEndpoint | undefined, autoDeliver: boolean): void {
    this.endpoint = endpoint;
    this.autoDeliver = autoDeliver && endpoint !== undefined;
    this.store.webhookEndpointCount = endpoint ? 1 : 0;
  }

  private enqueue(event: FakeEvent): void {
    const generation = this.generation;
    this.queue = this.queue.then(() => (generation === this.generation ? this.deliver(event) : undefined));
  }

  onDelivery(listener: (delivery: WebhookDelivery) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops queued automatic deliveries (one already on the wire still finishes) and the log. */
  reset(): void {
    this.generation += 1;
    this.deliveries.length = 0;
  }

  /** Resolves once every automatic delivery queued so far (and any queued meanwhile) is done. */
  async idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  /** Sends one event now (in any order the test likes). Never rejects: failures are recorded. */
  async deliver(event: FakeEvent, options: DeliverOptions = {}): Promise<WebhookDelivery> {
    const url = options.url ?? this.endpoint?.url;
    const secret = options.secret ?? this.endpoint?.secret;
    if (!url || (!secret && !options.signature)) {
      throw new Error('fake Stripe: no webhook URL/secret configured; pass them to startFakeStripe or configureWebhooks');
    }
    const payload = JSON.stringify(event, null, 2);
    const signature = options.signature ?? signWebhookPayload(payload, secret ?? '', options.timestamp);
    const delivery: WebhookDelivery = { eventId: event.id, type: event.type, url, signature, payload };
    try {
      const answer = await post(url, payload, signature);
      delivery.status = answer.status;
      delivery.responseBody = answer.body;
      const toEndpoint = url === this.endpoint?.url;
      if (toEndpoint && answer.status >= 200 && answer.status < 300 && event.pending_webhooks > 0) event.pending_webhooks -= 1;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.deliveries.push(delivery);
    for (const listener of this.listeners) listener(delivery);
    return delivery;
  }
}
