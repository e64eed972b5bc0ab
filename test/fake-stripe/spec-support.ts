/**
 * Small helpers for specs that use the fake (no jest imports: this file is also compiled by
 * tsconfig.build.json). `startWebhookReceiver` stands in for the app's webhook endpoint.
 */
import { createServer } from 'node:http';
import type Stripe from 'stripe';

export interface ReceivedWebhook {
  signature: string;
  payload: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status to answer with (default 200). */
  respondWith: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { received, respondWith: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = req.headers['stripe-signature'];
      received.push({ signature: typeof signature === 'string' ? signature : '', payload: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.respondWith, { 'Content-Type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A dues product with a yearly price (lookup key `dues_yearly`), created through the SDK. */
export async function createDuesPrice(stripe: Stripe, unitAmount = 12_000): Promise<{ product: Stripe.Product; price: Stripe.Price }> {
  const product = await stripe.products.create({ id: 'prod_guildhall_dues', name: 'Annual membership dues' });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: unitAmount,
    currency: 'eur',
    recurring: { interval: 'year' },
    lookup_key: 'dues_yearly',
  });
  return { product, price };
}
