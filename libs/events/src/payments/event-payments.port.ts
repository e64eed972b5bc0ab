/** What the events feature needs from a payment provider, and nothing more. */
export interface SeatCheckoutRequest {
  registrationId: string;
  eventId: string;
  userId: string;
  email: string;
  /** Shown on the payment page, e.g. "Seat: Ethics in Practice (12 Mar 2027)". */
  description: string;
  amount: number;
  currency: string;
  /** The hold's end: the payment page closes then (Stripe allows 30 minutes to 24 hours ahead). */
  expiresAt: Date;
  /** Same key, same session: a retried request never opens a second payment page. */
  idempotencyKey: string;
}

export interface SeatCheckout {
  url: string;
  sessionId: string;
}

export interface EventPaymentsPort {
  /** False when no payment provider is configured: paid seats are refused with PAYMENTS_NOT_CONFIGURED. */
  readonly configured: boolean;
  createSeatCheckout(request: SeatCheckoutRequest): Promise<SeatCheckout>;
  /** Closes a payment page that is still open; one already completed or expired is left alone. */
  expireCheckout(sessionId: string): Promise<void>;
  /** `refundId` is null when the payment had been refunded already (elsewhere, or by an attempt whose answer was lost). */
  refund(paymentRef: string, amount: number, idempotencyKey: string): Promise<{ refundId: string | null }>;
}

export const EVENT_PAYMENTS = Symbol('EVENT_PAYMENTS');

/** Metadata on our Checkout Sessions: the webhook routes on `purpose`. */
export const EVENT_PAYMENT_PURPOSE = 'EVENT';
