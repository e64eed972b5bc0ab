import type Stripe from 'stripe';

/** How far a signature timestamp may lie in the past, or the future (clock skew), in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';

export class WebhookSignatureError extends Error {
  constructor(readonly problem: SignatureProblem, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

function signatureTimestamp(header: string): number | undefined {
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key?.trim() === 't' && value && /^\d+$/.test(value.trim())) return Number(value.trim());
  }
  return undefined;
}

/**
 * Verifies a Stripe-Signature header against the raw request body and returns the event. The
 * SDK checks the HMAC and the age (stale); we also refuse timestamps from the future, which the SDK
 * accepts.
 */
export function verifyStripeWebhook(
  stripe: Stripe,
  rawBody: Buffer | undefined,
  header: string | string[] | undefined,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Stripe.Event {
  if (!rawBody?.length) throw new WebhookSignatureError('missing', 'No request body');
  if (typeof header !== 'string' || !header) throw new WebhookSignatureError('missing', 'No Stripe-Signature header');
  const timestamp = signatureTimestamp(header);
  if (timestamp === undefined) throw new WebhookSignatureError('malformed', 'The Stripe-Signature header has no timestamp');
  if (timestamp > nowSeconds + SIGNATURE_TOLERANCE_SECONDS) throw new WebhookSignatureError('future', 'The signature timestamp is in the future');
  if (timestamp < nowSeconds - SIGNATURE_TOLERANCE_SECONDS) throw new WebhookSignatureError('stale', 'The signature timestamp is too old');
  try {
    return stripe.webhooks.constructEvent(rawBody, header, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    throw new WebhookSignatureError('mismatch', 'The signature does not match the body');
  }
}
