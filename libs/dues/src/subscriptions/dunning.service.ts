import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatMoney } from '../../../core/src/index.js';
import { MembershipChangesService, type MembershipRecord, MembershipStatus } from '../../../members/src/index.js';
import { EMAIL } from '../dues.constants.js';
import { DuesMailer } from '../fulfilment/dues-mailer.service.js';
import { DuesPaymentsRepository } from '../fulfilment/dues-payments.repository.js';
import { isoDay } from '../fulfilment/period-end-label.js';
import type { FailureFacts } from '../sync/dues-facts.js';


/**
 * A renewal that Stripe could not collect: the membership moves ACTIVE → GRACE (still in good
 * standing while Stripe retries) and the member gets one email per invoice. A failure for an invoice
 * that has since been paid changes nothing, so the status never goes backwards.
 */
@Injectable()
export class DunningService {
  constructor(
    private readonly memberships: MembershipChangesService,
    private readonly duesPayments: DuesPaymentsRepository,
    private readonly mailer: DuesMailer,
  ) {}

  async apply(manager: EntityManager, membership: MembershipRecord, failure: FailureFacts, now = new Date()): Promise<boolean> {
    if (await this.duesPayments.existsForSource(manager, failure.invoiceId)) return false;
    let changed = false;
    const tier = await this.memberships.tierOf(manager, membership);
    if (await this.memberships.enterGrace(manager, membership, now, 'dues renewal payment failed')) changed = true;
    if (membership.status !== MembershipStatus.GRACE) return changed;
    const sent = await this.mailer.send(manager, membership.userId, {
      template: EMAIL.paymentFailed,
      subject: `We could not collect your ${tier.name} membership dues`,
      text:
        `Your card was declined for ${formatMoney(failure.amountDue, failure.currency)}.` +
        (failure.nextAttemptAt ? ` We will try again on ${isoDay(failure.nextAttemptAt)}.` : '') +
        ` Please update your card from your account page; your membership stays in good standing until ${isoDay(membership.graceEndsAt)}.`,
      dedupeKey: `dues-payment-failed:${failure.invoiceId}`,
    });
    return changed || sent;
  }
}
