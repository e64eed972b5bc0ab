import { AppError, badInput, ErrorCode } from '../../../core/src/index.js';
import { BillingInterval, MembershipStatus } from '../../../members/src/index.js';
import { DuesErrorReason } from '../dues.errors.js';
import { CheckoutMode } from '../entities/checkout-session.entity.js';

export interface CheckoutSituation {
  status: MembershipStatus;
  currentPeriodEnd: Date | null;
  interval: BillingInterval;
  autoRenew: boolean;
  /** A subscription of this membership that Stripe will still charge. */
  liveSubscription: { cancelAtPeriodEnd: boolean } | null;
  now: Date;
}

export interface CheckoutDecision {
  mode: CheckoutMode;
  /** Which payment this is, for the idempotency key: `first` or `renew-<unix end of the running period>`. */
  periodLabel: string;
}

/**
 * Who may pay what, decided in one place:
 * - PENDING_PAYMENT: the first payment; a subscription when autoRenew (not for lifetime tiers).
 * - ACTIVE or GRACE, not auto-renewing: "renew now", a one-time payment that continues the period.
 *   A subscription can start once the paid period has ended (GRACE), never on top of a running one
 *   (that would charge twice for the same months) nor beside another live subscription.
 * - Anything else, or a membership that renews automatically: refused.
 */
export function decideCheckout(s: CheckoutSituation): CheckoutDecision {
  const recurring = s.autoRenew && s.interval !== BillingInterval.LIFETIME;
  if (s.status === MembershipStatus.PENDING_PAYMENT) {
    return { mode: recurring ? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT, periodLabel: 'first' };
  }
  if (s.status !== MembershipStatus.ACTIVE && s.status !== MembershipStatus.GRACE) {
    throw new AppError(ErrorCode.CONFLICT, `A ${s.status} membership has no dues to pay`, { reason: DuesErrorReason.WRONG_STATUS });
  }
  if (s.currentPeriodEnd === null) {
    throw new AppError(ErrorCode.CONFLICT, 'This membership is paid for life', { reason: DuesErrorReason.NOTHING_TO_PAY });
  }
  if (s.liveSubscription && !s.liveSubscription.cancelAtPeriodEnd) {
    throw new AppError(ErrorCode.CONFLICT, 'This membership renews automatically; update the card from the billing portal', { reason: DuesErrorReason.AUTO_RENEWING });
  }
  const periodLabel = `renew-${Math.floor(s.currentPeriodEnd.getTime() / 1000)}`;
  if (recurring && (s.currentPeriodEnd > s.now || s.liveSubscription)) {
    throw badInput(
      'autoRenew',
      `must be false while a paid period runs (until ${s.currentPeriodEnd.toISOString().slice(0, 10)}): renew now with a one-time payment, or subscribe once the period has ended`,
    );
  }
  return { mode: recurring ? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT, periodLabel };
}
