import { Injectable } from '@nestjs/common';
import { badInput, ConnectionArgs, type ConnectionShape, pageSize } from '../../../core/src/index.js';
import { Payment, PaymentsArgs } from './payment.type.js';
import { PaymentsRepository } from './payments.repository.js';

/** Reading the ledger: one's own payments, or (admins) everyone's with filters. */
@Injectable()
export class PaymentsService {
  constructor(private readonly payments: PaymentsRepository) {}

  async mine(userId: string, args: ConnectionArgs): Promise<ConnectionShape<Payment>> {
    return this.toPayments(await this.payments.list({ userId }, pageSize(args.first), args.after));
  }

  async all(args: PaymentsArgs): Promise<ConnectionShape<Payment>> {
    if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
    const page = await this.payments.list({ userId: args.userId, status: args.status, from: args.from, to: args.to }, pageSize(args.first), args.after);
    return this.toPayments(page);
  }

  private toPayments(page: Awaited<ReturnType<PaymentsRepository['list']>>): ConnectionShape<Payment> {
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: Payment.from(edge.node) })) };
  }
}
