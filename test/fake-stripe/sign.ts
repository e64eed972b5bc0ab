import Stripe from 'stripe';

/** Only used for its offline webhook helpers; never makes a request. */
const signer = new Stripe('sk_test_fake_signer');

/**
 * A `Stripe-Signature` header value for `payload`, made by the SDK's own
 * `webhooks.generateTestHeaderString`. `timestamp` is unix seconds (default: now); pass an old or
 * future one to test rejection.
 */
export function signWebhookPayload(payload: string, secret: string, timestamp?: number): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
