import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { AppError, ErrorCode } from '../../../core/src/index.js';
import { PaymentsErrorReason } from '../payments.errors.js';
import { STRIPE_CLIENT, STRIPE_SETTINGS } from './stripe-client.provider.js';
import { type StripeSettings } from './stripe-settings.js';
import { toProviderError } from './stripe-error-mapping.js';

export const paymentsNotConfigured = () =>
  new AppError(ErrorCode.PAYMENTS_NOT_CONFIGURED, 'Online payments are not set up on this server (STRIPE_SECRET_KEY is missing).', {
    reason: PaymentsErrorReason.NOT_CONFIGURED,
  });

/**
 * The one door to Stripe. `call` runs an SDK call and turns failures into client errors:
 * network errors, timeouts and 5xx become a retryable PAYMENT_PROVIDER_ERROR.
 */
@Injectable()
export class StripeGateway {
  constructor(
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
    @Inject(STRIPE_SETTINGS) readonly settings: StripeSettings,
  ) {}

  get configured(): boolean {
    return this.stripe !== null;
  }

  /** Webhooks need both keys: the signature secret, and the API key to read the objects. */
  get webhooksConfigured(): boolean {
    return this.stripe !== null && !!this.settings.webhookSecret;
  }

  client(): Stripe {
    if (!this.stripe) throw paymentsNotConfigured();
    return this.stripe;
  }

  assertConfigured(): void {
    this.client();
  }

  async call<T>(operation: string, work: (stripe: Stripe) => Promise<T>): Promise<T> {
    const stripe = this.client();
    try {
      return await work(stripe);
    } catch (error) {
      throw toProviderError(error, operation);
    }
  }

  /** Like `call`, but hands Stripe's own error back for the caller to inspect. */
  raw<T>(work: (stripe: Stripe) => Promise<T>): Promise<T> {
    return work(this.client());
  }
}
