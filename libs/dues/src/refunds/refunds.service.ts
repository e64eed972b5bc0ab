import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, formatMoney, notFound, ROOT_LOGGER, type RootLogger, type Viewer } from '../../../core/src/index.js';
import {
  isDefiniteStripeRefusal,
  Payment,
  PaymentLedger,
  PaymentProvider,
  RefundLedger,
  StripeGateway,
  toProviderError,
} from '../../../payments/src/index.js';
import { EMAIL, STRIPE_METADATA } from '../dues.constants.js';
import { DuesMailer } from '../fulfilment/dues-mailer.service.js';

/**
 * Refunds, partial or whole, never more than was paid. Step 1 (one transaction, payment row
 * locked): check what is left and reserve the amount as a PENDING refund. Step 2: ask Stripe with the
 * idempotency key `dues-refund:<refund id>`. Step 3 (payment locked again): record the answer. A lost
 * answer leaves the refund PENDING and reserved; a retry of the same amount repeats the same call, and
 * the charge.refunded webhook or reconciliation settles it.
 */
@Injectable()
export class RefundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly payments: PaymentLedger,
    private readonly ledger: RefundLedger,
    private readonly mailer: DuesMailer,
    private readonly audit: AuditService,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async refund(actor: Viewer, paymentId: string, amount: number | undefined, reason: string | null, requestId: string): Promise<Payment> {
    const found = await this.payments.findById(paymentId);
    if (!found) throw notFound('Payment');
    const online = found.provider === PaymentProvider.STRIPE;
    if (online) this.gateway.assertConfigured();

    const { refund } = await this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.lockById(manager, paymentId);
      if (!payment) throw notFound('Payment');
      return this.ledger.reserve(manager, payment, amount, { reason, requestedBy: actor.id });
    });

    let stripeRefundId: string | null = null;
    if (online) {
      try {
        const created = await this.gateway.raw((stripe) =>
          stripe.refunds.create(
            {
              ...(found.stripePaymentIntentId ? { payment_intent: found.stripePaymentIntentId } : { charge: found.stripeChargeId ?? undefined }),
              amount: refund.amount,
              metadata: { [STRIPE_METADATA.refund]: refund.id, [STRIPE_METADATA.payment]: found.id },
            },
            { idempotencyKey: `dues-refund:${refund.id}` },
          ),
        );
        stripeRefundId = created.id;
      } catch (error) {
        if (isDefiniteStripeRefusal(error)) await this.settleFailed(refund, error);
        else this.logger.warn({ err: error, refundId: refund.id, context: 'dues-refunds' }, 'Refund outcome unknown; left PENDING for the webhook or reconciliation');
        throw toProviderError(error, 'refund');
      }
    }

    return this.dataSource.transaction(async (manager) => {
      const payment = await this.payments.lockById(manager, paymentId);
      const row = await this.payments.findRefund(refund.id, manager);
      if (!payment || !row) throw new Error(`refund ${refund.id} or its payment disappeared`);
      await this.ledger.markSucceeded(manager, payment, row, stripeRefundId);
      await this.audit.record(manager, {
        actorId: actor.id, action: 'payment.refund', targetType: 'Payment', targetId: payment.id,
        after: { refundId: row.id, amount: row.amount, currency: row.currency, reason, stripeRefundId }, requestId,
      });
      await this.mailer.send(manager, payment.userId, {
        template: EMAIL.refund,
        subject: 'Your refund',
        text: `We have refunded ${formatMoney(row.amount, row.currency)} of your payment "${payment.description}".`,
        dedupeKey: `dues-refund:${row.id}`,
      });
      return Payment.from(payment);
    });
  }

  private async settleFailed(refund: { id: string; paymentId: string }, error: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.payments.lockById(manager, refund.paymentId);
      const row = await this.payments.findRefund(refund.id, manager);
      if (row) await this.ledger.markFailed(manager, row, error instanceof Error ? error.message : String(error));
    });
  }
}
