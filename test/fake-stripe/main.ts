/**
 * Standalone fake Stripe for local runs and e2e suites:
 *   npm run build:bench && node dist-bench/test/fake-stripe/main.js
 * FAKE_STRIPE_PORT (default 12111), FAKE_STRIPE_WEBHOOK_URL (default
 * http://127.0.0.1:3000/webhooks/stripe), FAKE_STRIPE_WEBHOOK_SECRET (default whsec_test_guildhall).
 * Point the app's Stripe client at http://127.0.0.1:<port>. Not for production use.
 */
import { startFakeStripe } from './fake-stripe.js';

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 12111;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FAKE_STRIPE_PORT must be a port number (0-65535), got "${value}"`);
  }
  return port;
}

function webhookUrlFrom(value: string | undefined): string {
  const url = value || 'http://127.0.0.1:3000/webhooks/stripe';
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`FAKE_STRIPE_WEBHOOK_URL must be an http(s) URL, got "${url}"`);
  return url;
}

async function main(): Promise<void> {
  const webhookUrl = webhookUrlFrom(process.env.FAKE_STRIPE_WEBHOOK_URL);
  const fake = await startFakeStripe({
    port: portFrom(process.env.FAKE_STRIPE_PORT),
    webhookUrl,
    webhookSecret: process.env.FAKE_STRIPE_WEBHOOK_SECRET || 'whsec_test_guildhall',
    autoDeliverWebhooks: true,
  });
  console.log(`fake Stripe (test double, not Stripe) listening on ${fake.url}; webhooks → ${webhookUrl}`);
  fake.store.onEvent((event) => console.log(`event ${event.type} ${event.id}`));
  fake.onWebhookDelivery((delivery) => {
    const outcome = delivery.status === undefined ? `failed: ${delivery.error ?? 'unknown error'}` : `answered ${delivery.status}`;
    console.log(`webhook ${delivery.type} ${delivery.eventId} → ${delivery.url} ${outcome}`);
  });
  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
