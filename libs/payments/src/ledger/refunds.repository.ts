import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PaymentRefundEntity } from './payment-refund.entity.js';
import { RefundStatus } from './payment.enums.js';

@Injectable()
export class RefundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PaymentRefundEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<PaymentRefundEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  forPayment(manager: EntityManager, paymentId: string): Promise<PaymentRefundEntity[]> {
    return this.repo(manager).find({ where: { paymentId }, order: { createdAt: 'ASC' } });
  }

  /** Every refund of a payment, oldest first (a payment has a handful at most). */
  forPaymentId(paymentId: string): Promise<PaymentRefundEntity[]> {
    return this.repo().find({ where: { paymentId }, order: { createdAt: 'ASC' } });
  }

  /** Refunds still waiting for Stripe's answer, oldest first (reconciliation settles them). */
  pendingOlderThan(before: Date, limit: number): Promise<PaymentRefundEntity[]> {
    return this.repo()
      .createQueryBuilder('r')
      .where('r.status = :status', { status: RefundStatus.PENDING })
      .andWhere('r.created_at < :before', { before })
      .orderBy('r.created_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  insert(manager: EntityManager, refund: Omit<PaymentRefundEntity, 'id' | 'createdAt' | 'updatedAt' | 'payment'>): Promise<PaymentRefundEntity> {
    return this.repo(manager).save(this.repo(manager).create(refund));
  }

  save(manager: EntityManager, refund: PaymentRefundEntity): Promise<PaymentRefundEntity> {
    return this.repo(manager).save(refund);
  }

  async sumByStatus(manager: EntityManager, paymentId: string, statuses: RefundStatus[]): Promise<number> {
    const rows: Array<{ total: number }> = await this.repo(manager)
      .createQueryBuilder('r')
      .select('coalesce(sum(r.amount), 0)::int', 'total')
      .where({ paymentId, status: In(statuses) })
      .getRawMany();
    return rows[0]?.total ?? 0;
  }
}
