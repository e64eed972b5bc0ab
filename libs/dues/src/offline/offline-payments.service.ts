import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AuditService, badInput, ErrorCode, formatMoney, isUniqueViolation, notFound, type Viewer } from '../../../core/src/index.js';
import { MembershipChangesService, MembershipStatus, PeriodSource } from '../../../members/src/index.js';
import { Payment, PaymentLedger, PaymentProvider, PaymentPurpose, PaymentsErrorReason } from '../../../payments/src/index.js';
import { DuesErrorReason } from '../dues.errors.js';
import { EMAIL } from '../dues.constants.js';
import { DuesMailer } from '../fulfilment/dues-mailer.service.js';
import { DuesPaymentsRepository } from '../fulfilment/dues-payments.repository.js';
import { MembershipExtensionService } from '../fulfilment/membership-extension.service.js';
import { isoDay } from '../fulfilment/period-end-label.js';
import { oneTimePeriod } from '../fulfilment/one-time-period.js';
import { DuesSubscriptionsRepository } from '../subscriptions/dues-subscriptions.repository.js';
import { TierChangesRepository } from '../subscriptions/tier-changes.repository.js';
import { RecordOfflinePaymentInput } from './offline-payment.input.js';

/** Cheques, bank transfers, cash: recorded by an admin, they extend the membership like a card payment. */
@Injectable()
export class OfflinePaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipChangesService,
    private readonly payments: PaymentLedger,
    private readonly duesPayments: DuesPaymentsRepository,
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly tierChanges: TierChangesRepository,
    private readonly extension: MembershipExtensionService,
    private readonly mailer: DuesMailer,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Viewer, input: RecordOfflinePaymentInput, requestId: string): Promise<Payment> {
    const receivedAt = input.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) throw badInput('input.receivedAt', 'must not be in the future');
    if (input.amount.amount < 1) throw badInput('input.amount.amount', 'must be at least 1');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const membership = await this.memberships.lockById(manager, input.membershipId);
        if (!membership) throw badInput('input.membershipId', 'is not a membership');
        if (![MembershipStatus.PENDING_PAYMENT, MembershipStatus.ACTIVE, MembershipStatus.GRACE].includes(membership.status)) {
          throw new AppError(ErrorCode.CONFLICT, `A ${membership.status} membership cannot take a payment`, { reason: DuesErrorReason.WRONG_STATUS });
        }
        const live = await this.subscriptions.liveFor(membership.id, manager);
        if (live && !live.cancelAtPeriodEnd) {
          throw new AppError(ErrorCode.CONFLICT, 'This membership renews automatically by card; turn automatic renewal off before recording another payment', {
            reason: DuesErrorReason.AUTO_RENEWING,
          });
        }
        const pending = await this.tierChanges.pendingFor(membership.id, manager);
        const tier = await this.memberships.tier(pending?.toTierId ?? membership.tierId, manager);
        if (!tier) throw notFound('Membership tier');
        if (input.amount.currency !== tier.priceCurrency) throw badInput('input.amount.currency', `must be ${tier.priceCurrency}, the currency of the ${tier.name} tier`);
        const period = oneTimePeriod(membership, tier.billingInterval, receivedAt);
        const { payment } = await this.payments.recordPayment(manager, {
          userId: membership.userId,
          purpose: PaymentPurpose.DUES,
          provider: PaymentProvider.OFFLINE,
          method: input.method,
          amount: input.amount.amount,
          currency: input.amount.currency,
          description: `${tier.name} membership dues, ${isoDay(period.startsAt)} to ${isoDay(period.endsAt)}`,
          stripePaymentIntentId: null,
          stripeChargeId: null,
          stripeInvoiceId: null,
          stripeCustomerId: null,
          receiptUrl: null,
          externalReference: input.reference,
          note: input.note ?? null,
          recordedBy: actor.id,
          paidAt: receivedAt,
        });
        const sourceRef = `offline:${payment.id}`;
        await this.duesPayments.insert(manager, {
          paymentId: payment.id, membershipId: membership.id, tierId: tier.id, sourceRef,
          periodStartsAt: period.startsAt, periodEndsAt: period.endsAt, applied: true, stripeSubscriptionId: null,
        });
        await this.extension.extend(manager, membership, tier, period, { kind: PeriodSource.OFFLINE_PAYMENT, ref: sourceRef, oneTime: true });
        await this.audit.record(manager, {
          actorId: actor.id, action: 'dues.recordOfflinePayment', targetType: 'Payment', targetId: payment.id,
          after: { membershipId: membership.id, amount: input.amount, method: input.method, reference: input.reference }, requestId,
        });
        await this.mailer.send(manager, membership.userId, {
          template: EMAIL.receipt,
          subject: `Receipt: ${tier.name} membership dues`,
          text: `We received ${formatMoney(input.amount.amount, input.amount.currency)} (${input.method.replace('_', ' ')}) for your ${tier.name} membership, which now runs from ${isoDay(period.startsAt)} to ${isoDay(period.endsAt)}.\n\nThank you.`,
          dedupeKey: `dues-receipt:${payment.id}`,
        });
        return Payment.from(payment);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'payments_offline_reference_uq')) {
        throw new AppError(ErrorCode.CONFLICT, `A ${input.method} payment with reference "${input.reference}" is already recorded`, {
          reason: PaymentsErrorReason.DUPLICATE_REFERENCE,
          fields: [{ path: 'input.reference', message: 'is already recorded' }],
        });
      }
      throw error;
    }
  }
}
