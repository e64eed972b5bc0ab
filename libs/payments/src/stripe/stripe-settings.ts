import { type AppConfig } from '../../../core/src/index.js';

/** How our Stripe client is built: where it sends calls, and how long and how often it tries. */
export interface StripeSettings {
  secretKey?: string;
  webhookSecret?: string;
  /** From STRIPE_API_URL (a local fake or stripe-mock); undefined means api.stripe.com. */
  endpoint?: { host: string; port: number; protocol: 'http' | 'https' };
  /** Per attempt. Stripe's SDK default is 80 s, far longer than a member will wait at checkout. */
  timeoutMs: number;
  /** Retries after the first attempt, on network errors, 409 and 5xx (each with the same idempotency key). */
  maxNetworkRetries: number;
}

/** Everything comes from the validated AppConfig (STRIPE_SECRET_KEY, …, STRIPE_TIMEOUT_MS, STRIPE_MAX_NETWORK_RETRIES). */
export function stripeSettings(config: AppConfig): StripeSettings {
  let endpoint: StripeSettings['endpoint'];
  if (config.stripe.apiUrl) {
    const url = new URL(config.stripe.apiUrl);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    endpoint = { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
  }
  return {
    secretKey: config.stripe.secretKey,
    webhookSecret: config.stripe.webhookSecret,
    endpoint,
    timeoutMs: config.stripe.timeoutMs,
    maxNetworkRetries: config.stripe.maxNetworkRetries,
  };
}
