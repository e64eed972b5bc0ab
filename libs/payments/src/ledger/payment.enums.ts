import { registerEnumType } from '@nestjs/graphql';

export enum PaymentStatus {
  SUCCEEDED = 'SUCCEEDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus', description: 'Money received, and how much of it went back.' });

export enum PaymentPurpose {
  DUES = 'DUES',
  EVENT = 'EVENT',
}
registerEnumType(PaymentPurpose, { name: 'PaymentPurpose' });

/** Where the money came through. */
export enum PaymentProvider {
  STRIPE = 'STRIPE',
  OFFLINE = 'OFFLINE',
}

export enum RefundStatus {
  /** Asked of Stripe; the answer is not known yet (or was lost): the amount stays reserved. */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** The status a payment has with `refunded` of its `amount` given back. */
export function paymentStatusFor(amount: number, refunded: number): PaymentStatus {
  if (refunded <= 0) return PaymentStatus.SUCCEEDED;
  return refunded >= amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
}
