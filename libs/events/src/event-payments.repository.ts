import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPaymentEntity, EventPaymentStatus } from './entities/event-payment.entity.js';
import { returning } from './sql.js';

/** The seats' payments and refunds (event_payments). */
@Injectable()
export class EventPaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a paid Checkout Session once: undefined when it was already recorded (a repeated webhook). */
  async insertOnce(manager: EntityManager, payment: Omit<EventPaymentEntity, 'id' | 'createdAt' | 'updatedAt' | 'refundId' | 'refundedAt'>): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO event_payments (registration_id, event_id, user_id, checkout_session_id, payment_intent_id, amount, currency, status, refund_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (checkout_session_id) DO NOTHING RETURNING id`,
      [payment.registrationId, payment.eventId, payment.userId, payment.checkoutSessionId, payment.paymentIntentId, payment.amount, payment.currency, payment.status, payment.refundReason],
    );
    return rows[0]?.id;
  }

  findById(id: string): Promise<EventPaymentEntity | null> {
    return this.dataSource.getRepository(EventPaymentEntity).findOneBy({ id });
  }

  /** Marks the paid payments of these registrations for refund; returns their ids. */
  async markForRefund(manager: EntityManager, registrationIds: string[], reason: string): Promise<string[]> {
    if (!registrationIds.length) return [];
    const rows = await returning<{ id: string }>(
      manager,
      `UPDATE event_payments SET status = $2, refund_reason = $3, updated_at = now() WHERE registration_id = ANY($1) AND status = $4 RETURNING id`,
      [registrationIds, EventPaymentStatus.REFUND_PENDING, reason, EventPaymentStatus.PAID],
    );
    return rows.map((r) => r.id);
  }

  /** What cancelling the event would refund: its paid seats, counted and summed per currency. */
  async paidTotalsForEvent(eventId: string): Promise<Array<{ currency: string; payments: number; amount: number }>> {
    return this.dataSource.query(
      `SELECT currency, count(*)::int AS payments, sum(amount)::int AS amount FROM event_payments
        WHERE event_id = $1 AND status = $2 GROUP BY currency ORDER BY currency`,
      [eventId, EventPaymentStatus.PAID],
    );
  }

  /** Marks every paid seat of an event for refund; returns the payments and their registrations. */
  async markEventForRefund(manager: EntityManager, eventId: string, reason: string): Promise<Array<{ id: string; registrationId: string }>> {
    return returning(
      manager,
      `UPDATE event_payments SET status = $2, refund_reason = $3, updated_at = now() WHERE event_id = $1 AND status = $4
       RETURNING id, registration_id AS "registrationId"`,
      [eventId, EventPaymentStatus.REFUND_PENDING, reason, EventPaymentStatus.PAID],
    );
  }

  /** Locks the payment row (FOR UPDATE) in the caller's transaction. */
  lockById(manager: EntityManager, id: string): Promise<EventPaymentEntity | null> {
    return manager.getRepository(EventPaymentEntity).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async markRefunded(manager: EntityManager, id: string, refundId: string): Promise<void> {
    await manager.query(
      `UPDATE event_payments SET status = $2, refund_id = $3, refunded_at = now(), updated_at = now() WHERE id = $1 AND status = $4`,
      [id, EventPaymentStatus.REFUNDED, refundId, EventPaymentStatus.REFUND_PENDING],
    );
  }
}
