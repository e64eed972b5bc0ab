import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rowsByKey } from '../../core/src/index.js';
import { MembershipTierEntity } from './entities/membership-tier.entity.js';
import { type MembershipTierRow } from './membership-tier.type.js';

export const TIER_ROWS: KeyedRowsSpec = {
  table: 'membership_tiers',
  keyColumn: 'id',
  columns: {
    id: 'c.id',
    name: 'c.name',
    description: 'c.description',
    priceAmount: 'c.price_amount',
    priceCurrency: 'c.price_currency',
    billingInterval: 'c.billing_interval',
    requiresApproval: 'c.requires_approval',
    gracePeriodDays: 'c.grace_period_days',
    eventDiscountPercent: 'c.event_discount_percent',
    active: 'c.active',
  },
};

@Injectable()
export class TiersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MembershipTierEntity);
  }

  list(includeInactive: boolean): Promise<MembershipTierEntity[]> {
    return this.repo().find({
      where: includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', priceAmount: 'ASC', name: 'ASC' },
    });
  }

  findById(id: string, manager?: EntityManager): Promise<MembershipTierEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByName(name: string, manager?: EntityManager): Promise<MembershipTierEntity | null> {
    return this.repo(manager).findOneBy({ name });
  }

  /** Shared lock: the tier cannot change (e.g. be deactivated) under an application being made. */
  lockForShare(manager: EntityManager, id: string): Promise<MembershipTierEntity | null> {
    return this.repo(manager).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  lockForUpdate(manager: EntityManager, id: string): Promise<MembershipTierEntity | null> {
    return this.repo(manager).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async findByIds(ids: readonly string[]): Promise<Array<MembershipTierEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('t').where('t.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Tiers by id as plain rows, in order (missing ones as undefined): the per-request loader's batch. */
  rowsByIds(ids: readonly string[]): Promise<Array<MembershipTierRow | undefined>> {
    return rowsByKey<MembershipTierRow>(this.dataSource, TIER_ROWS, ids);
  }

  /** Ids and names of these tiers, ordered by name in the database's collation. */
  namesByIds(ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
    return this.repo().createQueryBuilder('t').select(['t.id', 't.name']).where('t.id = ANY(:ids)', { ids }).orderBy('t.name', 'ASC').getMany();
  }

  save(manager: EntityManager, tier: Partial<MembershipTierEntity>): Promise<MembershipTierEntity> {
    return this.repo(manager).save(this.repo(manager).create(tier));
  }
}
