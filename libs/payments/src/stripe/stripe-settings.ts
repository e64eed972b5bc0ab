import { type AppConfig, ConfigError } from '../../../core/src/index.js';

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

export const DEFAULT_STRIPE_TIMEOUT_MS = 10_000;
export const DEFAULT_STRIPE_MAX_NETWORK_RETRIES = 2;

function intSetting(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/**
 * Keys and STRIPE_API_URL come from the validated AppConfig. The client's timeout and retries
 * (STRIPE_TIMEOUT_MS, STRIPE_MAX_NETWORK_RETRIES) are read here once at start, until AppConfig grows them.
 */
export function stripeSettings(config: AppConfig, env: Record<string, string | undefined> = process.env): StripeSettings {
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
    timeoutMs: intSetting(env, 'STRIPE_TIMEOUT_MS', DEFAULT_STRIPE_TIMEOUT_MS, 100, 120_000),
    maxNetworkRetries: intSetting(env, 'STRIPE_MAX_NETWORK_RETRIES', DEFAULT_STRIPE_MAX_NETWORK_RETRIES, 0, 5),
  };
}
