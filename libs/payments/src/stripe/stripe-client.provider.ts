import { type Provider } from '@nestjs/common';
import Stripe from 'stripe';
import { APP_CONFIG, type AppConfig, ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { type StripeSettings, stripeSettings } from './stripe-settings.js';

export const STRIPE_SETTINGS = Symbol('STRIPE_SETTINGS');
/** The SDK client, or null when STRIPE_SECRET_KEY is not set (the app still starts; paid operations refuse). */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');

export function createStripeClient(settings: StripeSettings): Stripe | null {
  if (!settings.secretKey) return null;
  return new Stripe(settings.secretKey, {
    ...(settings.endpoint ?? {}),
    timeout: settings.timeoutMs,
    maxNetworkRetries: settings.maxNetworkRetries,
    appInfo: { name: 'Guildhall' },
  });
}

export const stripeProviders: Provider[] = [
  { provide: STRIPE_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => stripeSettings(config) },
  {
    provide: STRIPE_CLIENT,
    inject: [STRIPE_SETTINGS, ROOT_LOGGER],
    useFactory: (settings: StripeSettings, logger: RootLogger) => {
      const client = createStripeClient(settings);
      const log = logger.child({ context: 'payments' });
      if (!client) log.info('STRIPE_SECRET_KEY is not set: paid operations answer PAYMENTS_NOT_CONFIGURED; free tiers work');
      else if (!settings.webhookSecret) log.warn('STRIPE_WEBHOOK_SECRET is not set: /webhooks/stripe answers 503 and nothing is learnt from Stripe until it is');
      if (client && settings.endpoint) log.info({ endpoint: settings.endpoint }, 'Stripe calls go to STRIPE_API_URL');
      return client;
    },
  },
];
