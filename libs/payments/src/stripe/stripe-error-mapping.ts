import Stripe from 'stripe';
import { AppError, ErrorCode } from '../../../core/src/index.js';
import { PaymentsErrorReason } from '../payments.errors.js';

/** Stripe's `code` (e.g. `resource_already_exists`) when the error is a Stripe API refusal. */
export function stripeErrorCode(error: unknown): string | undefined {
  return error instanceof Stripe.errors.StripeError ? error.code : undefined;
}

/**
 * The outcome of the call is unknown or may change on retry: the network failed, it timed out,
 * Stripe was busy or broke. The same call with the same idempotency key is safe to repeat.
 */
export function isRetryableStripeError(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (error instanceof Stripe.errors.StripeAPIError) return true;
  if (error instanceof Stripe.errors.StripeError) return (error.statusCode ?? 0) >= 500 || error.statusCode === 409;
  return false;
}

/** Stripe refused the request itself (bad parameters, card, key): retrying the same call will not help. */
export function isDefiniteStripeRefusal(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && !isRetryableStripeError(error);
}

/** What a client sees. Messages stay generic: Stripe's own text can name internal ids. */
export function toProviderError(error: unknown, operation: string): AppError {
  if (isRetryableStripeError(error)) {
    return new AppError(ErrorCode.PAYMENT_PROVIDER_ERROR, `The payment provider did not answer (${operation}); nothing was charged by this attempt. Please try again.`, {
      retryable: true,
      reason: PaymentsErrorReason.PROVIDER_UNAVAILABLE,
    });
  }
  const code = stripeErrorCode(error);
  return new AppError(ErrorCode.PAYMENT_PROVIDER_ERROR, `The payment provider refused the request (${operation}${code ? `: ${code}` : ''}).`, {
    reason: PaymentsErrorReason.PROVIDER_REFUSED,
  });
}
