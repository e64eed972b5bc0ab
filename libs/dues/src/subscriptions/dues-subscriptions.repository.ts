import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DuesSubscriptionEntity, LIVE_SUBSCRIPTION_STATUSES } from '../entities/dues-subscription.entity.js';

@Injectable()
export class DuesSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DuesSubscriptionEntity);
  }

  lock(manager: EntityManager, id: string): Promise<DuesSubscriptionEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .where('s.stripe_subscription_id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The subscription that will still charge for this membership, if any (newest first). */
  liveFor(membershipId: string, manager?: EntityManager): Promise<DuesSubscriptionEntity | null> {
    return this.repo(manager).findOne({
      where: { membershipId, status: In([...LIVE_SUBSCRIPTION_STATUSES]) },
      order: { createdAt: 'DESC' },
    });
  }

  save(manager: EntityManager, row: Partial<DuesSubscriptionEntity>): Promise<DuesSubscriptionEntity> {
    return this.repo(manager).save(this.repo(manager).create(row));
  }

  /** Live subscriptions still set to renew, by id after `afterId` (which memberships ended is members' to say). */
  async renewingAfter(afterId: string, limit: number): Promise<DuesSubscriptionEntity[]> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.status IN (:...live)', { live: LIVE_SUBSCRIPTION_STATUSES })
      .andWhere('s.cancel_at_period_end = false')
      .andWhere('s.stripe_subscription_id > :afterId', { afterId })
      .orderBy('s.stripe_subscription_id', 'ASC')
      .limit(limit)
      .getMany();
  }

  async countAutoRenewing(): Promise<number> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.status IN (:...live)', { live: ['active', 'trialing', 'past_due'] })
      .andWhere('s.cancel_at_period_end = false')
      .getCount();
  }
}
