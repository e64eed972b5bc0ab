import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CheckoutStatus, DuesCheckoutSessionEntity } from '../entities/checkout-session.entity.js';

@Injectable()
export class CheckoutSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DuesCheckoutSessionEntity);
  }

  findByStripeId(stripeSessionId: string): Promise<DuesCheckoutSessionEntity | null> {
    return this.repo().findOneBy({ stripeSessionId });
  }

  openFor(membershipId: string): Promise<DuesCheckoutSessionEntity[]> {
    return this.repo().find({ where: { membershipId, status: CheckoutStatus.OPEN }, order: { createdAt: 'ASC' } });
  }

  async countWithKeyPrefix(prefix: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM dues_checkout_sessions WHERE starts_with(idempotency_key, $1)`,
      [prefix],
    );
    return rows[0]?.n ?? 0;
  }

  /** A retried or concurrent create gets the same session back from Stripe: the first row stays. */
  async insert(session: Omit<DuesCheckoutSessionEntity, 'id' | 'createdAt' | 'membership' | 'completedAt'>): Promise<void> {
    await this.repo().createQueryBuilder().insert().values({ ...session, completedAt: null }).orIgnore().execute();
  }

  /** OPEN → COMPLETE or EXPIRED, never back (a late `expired` cannot undo a completion). */
  async advance(manager: EntityManager, stripeSessionId: string, status: CheckoutStatus): Promise<boolean> {
    if (status === CheckoutStatus.OPEN) return false;
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ status, completedAt: status === CheckoutStatus.COMPLETE ? () => 'now()' : null })
      .where('stripe_session_id = :id AND status = :open', { id: stripeSessionId, open: CheckoutStatus.OPEN })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
