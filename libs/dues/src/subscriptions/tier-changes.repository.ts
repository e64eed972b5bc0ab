import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DuesTierChangeEntity, TierChangeStatus } from '../entities/tier-change.entity.js';

@Injectable()
export class TierChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DuesTierChangeEntity);
  }

  pendingFor(membershipId: string, manager?: EntityManager): Promise<DuesTierChangeEntity | null> {
    return this.repo(manager).findOneBy({ membershipId, status: TierChangeStatus.PENDING });
  }

  async pendingForMany(membershipIds: readonly string[]): Promise<Array<DuesTierChangeEntity | undefined>> {
    const rows = await this.repo().find({ where: { membershipId: In([...membershipIds]), status: TierChangeStatus.PENDING } });
    const byMembership = new Map(rows.map((r) => [r.membershipId, r]));
    return membershipIds.map((id) => byMembership.get(id));
  }

  /** Replaces any pending change (the partial unique index allows one). */
  async replacePending(manager: EntityManager, change: Pick<DuesTierChangeEntity, 'membershipId' | 'fromTierId' | 'toTierId' | 'requestedBy' | 'effectiveAt'>): Promise<DuesTierChangeEntity> {
    await this.settle(manager, change.membershipId, TierChangeStatus.CANCELLED);
    return this.repo(manager).save(this.repo(manager).create({ ...change, status: TierChangeStatus.PENDING, settledAt: null }));
  }

  /** Marks the pending change applied (when the tier paid for is its target) or cancelled. */
  async settle(manager: EntityManager, membershipId: string, status: TierChangeStatus.APPLIED | TierChangeStatus.CANCELLED, toTierId?: string): Promise<void> {
    const query = this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ status, settledAt: () => 'now()' })
      .where('membership_id = :membershipId AND status = :pending', { membershipId, pending: TierChangeStatus.PENDING });
    if (toTierId) query.andWhere('to_tier_id = :toTierId', { toTierId });
    await query.execute();
  }
}
