import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, formatMoney } from '../../../core/src/index.js';
import { MembershipChangesService, type MembershipRecord, PeriodSource, type TierRecord } from '../../../members/src/index.js';
import { type LedgerPayment, PaymentLedger, PaymentProvider, PaymentPurpose } from '../../../payments/src/index.js';
import { TierPricesRepository } from '../catalog/tier-prices.repository.js';
import { EMAIL } from '../dues.constants.js';
import type { PaidFacts } from '../sync/dues-facts.js';
import { DuesMailer } from './dues-mailer.service.js';
import { DuesPaymentsRepository } from './dues-payments.repository.js';
import { MembershipExtensionService } from './membership-extension.service.js';
import { isoDay } from './period-end-label.js';
import { oneTimePeriod } from './one-time-period.js';

export interface FulfilmentResult {
  payment: LedgerPayment;
  /** False when this payment was already recorded (a duplicate event, the success page after the webhook…). */
  created: boolean;
}

/**
 * The one fulfilment, used by the webhook, the success page (confirmCheckout) and reconciliation.
 * The caller holds the membership row lock, so two fulfilments of one payment queue up and the
 * second finds the payment recorded; the unique Stripe ids on the ledger are the backstop.
 */
@Injectable()
export class FulfilmentService {
  constructor(
    private readonly payments: PaymentLedger,
    private readonly duesPayments: DuesPaymentsRepository,
    private readonly tierPrices: TierPricesRepository,
    private readonly extension: MembershipExtensionService,
    private readonly memberships: MembershipChangesService,
    private readonly audit: AuditService,
    private readonly mailer: DuesMailer,
  ) {}

  async fulfil(manager: EntityManager, membership: MembershipRecord, facts: PaidFacts): Promise<FulfilmentResult> {
    const existing = await this.payments.findByStripeRefs(manager, { paymentIntentId: facts.paymentIntentId, invoiceId: facts.invoiceId });
    if (existing) return { payment: existing, created: false };

    const tier = await this.tierPaidFor(manager, membership, facts);
    const period = facts.period ?? oneTimePeriod(membership, tier.billingInterval, facts.paidAt);
    const { payment, created } = await this.payments.recordPayment(manager, {
      userId: membership.userId,
      purpose: PaymentPurpose.DUES,
      provider: PaymentProvider.STRIPE,
      method: facts.method,
      amount: facts.amount,
      currency: facts.currency,
      description: `${tier.name} membership dues, ${isoDay(period.startsAt)} to ${isoDay(period.endsAt)}`,
      stripePaymentIntentId: facts.paymentIntentId,
      stripeChargeId: facts.chargeId,
      stripeInvoiceId: facts.invoiceId,
      stripeCustomerId: facts.customerId,
      receiptUrl: facts.receiptUrl,
      externalReference: null,
      note: null,
      recordedBy: null,
      paidAt: facts.paidAt,
    });
    if (!created) return { payment, created: false };
    const applied = await this.extension.canExtend(manager, membership, facts.subscriptionId !== null && facts.period !== null);
    await this.duesPayments.insert(manager, {
      paymentId: payment.id,
      membershipId: membership.id,
      tierId: tier.id,
      sourceRef: facts.sourceRef,
      periodStartsAt: period.startsAt,
      periodEndsAt: period.endsAt,
      applied,
      stripeSubscriptionId: facts.subscriptionId,
    });
    if (applied) {
      await this.extension.extend(manager, membership, tier, period, { kind: PeriodSource.PAYMENT, ref: facts.sourceRef, oneTime: facts.subscriptionId === null });
    } else {
      await this.audit.record(manager, {
        actorId: null,
        action: 'dues.payment-unapplied',
        targetType: 'Payment',
        targetId: payment.id,
        after: { membershipId: membership.id, membershipStatus: membership.status, cancelledAt: membership.cancelledAt, note: 'money received for a membership that cannot be extended: refund it' },
      });
    }
    await this.mailer.send(manager, membership.userId, {
      template: EMAIL.receipt,
      subject: `Receipt: ${tier.name} membership dues`,
      text:
        `We received ${formatMoney(facts.amount, facts.currency)} for your ${tier.name} membership` +
        (applied ? `, which now runs from ${isoDay(period.startsAt)} to ${isoDay(period.endsAt)}.` : '. Our team will be in touch about it.') +
        '\n\nThank you.',
      dedupeKey: `dues-receipt:${payment.id}`,
    });
    return { payment, created: true };
  }

  private async tierPaidFor(manager: EntityManager, membership: MembershipRecord, facts: PaidFacts): Promise<TierRecord> {
    const tierId = facts.tierId ?? (facts.stripePriceId ? await this.tierPrices.tierIdOfPrice(facts.stripePriceId, manager) : null);
    const tier = (tierId ? await this.memberships.tier(tierId, manager) : null) ?? (await this.memberships.tierOf(manager, membership));
    return tier;
  }
}
