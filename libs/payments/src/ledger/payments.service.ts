import { Injectable } from '@nestjs/common';
import { AuditService, badInput, ConnectionArgs, mapNodes, type ConnectionShape, lazy, notFound, pageSize } from '../../../core/src/index.js';
import { PaymentProvider, RefundStatus } from './payment.enums.js';
import { Payment, PaymentsArgs } from './payment.type.js';
import type { PaymentLedgerConnection, PaymentTotal } from './payment-ledger-page.type.js';
import { PaymentsRepository, type PaymentFilter } from './payments.repository.js';
import { RefundsRepository } from './refunds.repository.js';

const AUDIT_TRAIL_LIMIT = 100;

/** A payment's details with people as ids (the resolver names them through the users loader). */
export interface PaymentDetailsFacts {
  payment: Payment;
  provider: PaymentProvider;
  stripeChargeId: string | null;
  stripeInvoiceId: string | null;
  stripeCustomerId: string | null;
  externalReference: string | null;
  note: string | null;
  recordedBy: string | null;
  refundable: { amount: number; currency: string };
  refunds: Array<{
    id: string; amount: { amount: number; currency: string }; status: RefundStatus; reason: string | null; stripeRefundId: string | null;
    failureMessage: string | null; requestedBy: string | null; createdAt: Date; settledAt: Date | null;
  }>;
  auditTrail: Array<{ id: string; at: Date; action: string; actorId: string | null; details: Record<string, unknown> | null }>;
}

/** Reading the ledger: one's own payments, or (FINANCE staff) everyone's with filters, totals and one payment's details. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly audit: AuditService,
  ) {}

  async mine(userId: string, args: ConnectionArgs): Promise<ConnectionShape<Payment>> {
    return this.toPayments(await this.payments.list({ userId }, pageSize(args.first), args.after));
  }

  async all(args: PaymentsArgs): Promise<PaymentLedgerConnection> {
    if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
    if (args.minAmount != null && args.maxAmount != null && args.minAmount > args.maxAmount) throw badInput('maxAmount', 'must not be less than minAmount');
    const filter: PaymentFilter = {
      userId: args.userId ?? undefined, status: args.status ?? undefined, purpose: args.purpose ?? undefined, from: args.from ?? undefined,
      to: args.to ?? undefined, minAmount: args.minAmount ?? undefined, maxAmount: args.maxAmount ?? undefined,
    };
    const page = await this.payments.list(filter, pageSize(args.first), args.after);
    return { ...this.toPayments(page), totals: lazy(() => this.totals(filter)) };
  }

  async details(id: string): Promise<PaymentDetailsFacts> {
    const payment = await this.payments.findById(id);
    if (!payment) throw notFound('Payment');
    const refunds = await this.refunds.forPaymentId(id);
    const trail = await this.audit.list({ targetType: 'Payment', targetId: id, first: AUDIT_TRAIL_LIMIT });
    const reserved = refunds.filter((r) => r.status !== RefundStatus.FAILED).reduce((sum, r) => sum + r.amount, 0);
    return {
      payment: Payment.from(payment),
      provider: payment.provider,
      stripeChargeId: payment.stripeChargeId,
      stripeInvoiceId: payment.stripeInvoiceId,
      stripeCustomerId: payment.stripeCustomerId,
      externalReference: payment.externalReference,
      note: payment.note,
      recordedBy: payment.recordedBy,
      refundable: { amount: Math.max(0, payment.amount - reserved), currency: payment.currency },
      refunds: refunds.map((r) => ({
        id: r.id, amount: { amount: r.amount, currency: r.currency }, status: r.status, reason: r.reason, stripeRefundId: r.stripeRefundId,
        failureMessage: r.failureMessage, requestedBy: r.requestedBy, createdAt: r.createdAt, settledAt: r.settledAt,
      })),
      auditTrail: trail.edges.map(({ node }) => ({ id: node.id, at: node.createdAt, action: node.action, actorId: node.actorId, details: node.after })),
    };
  }

  private async totals(filter: PaymentFilter): Promise<PaymentTotal[]> {
    const rows = await this.payments.totals(filter);
    return rows.map((r) => ({
      currency: r.currency,
      payments: r.payments,
      amount: { amount: r.amount, currency: r.currency },
      refunded: { amount: r.refunded, currency: r.currency },
      net: { amount: r.amount - r.refunded, currency: r.currency },
    }));
  }

  private toPayments(page: Awaited<ReturnType<PaymentsRepository['list']>>): ConnectionShape<Payment> {
    return mapNodes(page, (node) => Payment.from(node));
  }
}
