import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, isUniqueViolation, notFound, StaffPermission, Viewer, viewerHasPermission } from '../../core/src/index.js';
import { MembershipTierEntity } from './entities/membership-tier.entity.js';
import { CreateMembershipTierInput, UpdateMembershipTierInput } from './inputs/tier.inputs.js';
import { MembersErrorReason } from './members.errors.js';
import type { TierRecord } from './membership.records.js';
import { TiersRepository } from './tiers.repository.js';

const snapshot = (t: MembershipTierEntity) => ({
  name: t.name,
  price: { amount: t.priceAmount, currency: t.priceCurrency },
  billingInterval: t.billingInterval,
  requiresApproval: t.requiresApproval,
  gracePeriodDays: t.gracePeriodDays,
  eventDiscountPercent: t.eventDiscountPercent,
  active: t.active,
});

@Injectable()
export class TiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tiers: TiersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Everyone sees active tiers; only admins may ask for inactive ones too. */
  /** A tier by id (in the caller's transaction when given). */
  findById(id: string, manager?: EntityManager): Promise<TierRecord | null> {
    return this.tiers.findById(id, manager);
  }

  /**
   * Tier names by id, in one query; the map iterates in name order (the database's collation), so
   * reports can order by name as SQL would. Ids that name no tier are left out.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const tiers = await this.tiers.namesByIds([...new Set(ids)]);
    return new Map(tiers.map((t) => [t.id, t.name]));
  }

  list(viewer: Viewer | undefined, includeInactive: boolean): Promise<MembershipTierEntity[]> {
    return this.tiers.list(includeInactive && viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER));
  }

  async create(actor: Viewer, input: CreateMembershipTierInput, requestId: string): Promise<MembershipTierEntity> {
    return this.guardName(() =>
      this.dataSource.transaction(async (manager) => {
        const tier = await this.tiers.save(manager, {
          name: input.name.trim(),
          description: input.description ?? null,
          priceAmount: input.price.amount,
          priceCurrency: input.price.currency,
          billingInterval: input.billingInterval,
          requiresApproval: input.requiresApproval,
          gracePeriodDays: input.gracePeriodDays,
          eventDiscountPercent: input.eventDiscountPercent,
          active: true,
        });
        await this.audit.record(manager, { actorId: actor.id, action: 'tier.create', targetType: 'MembershipTier', targetId: tier.id, after: snapshot(tier), requestId });
        return tier;
      }),
    );
  }

  async update(actor: Viewer, id: string, input: UpdateMembershipTierInput, requestId: string): Promise<MembershipTierEntity> {
    return this.guardName(() =>
      this.dataSource.transaction(async (manager) => {
        const tier = await this.tiers.lockForUpdate(manager, id);
        if (!tier) throw notFound('Membership tier');
        const before = snapshot(tier);
        if (input.name !== undefined) tier.name = input.name.trim();
        if (input.description !== undefined) tier.description = input.description ?? null;
        if (input.price) {
          tier.priceAmount = input.price.amount;
          tier.priceCurrency = input.price.currency;
        }
        if (input.requiresApproval !== undefined) tier.requiresApproval = input.requiresApproval;
        if (input.gracePeriodDays !== undefined) tier.gracePeriodDays = input.gracePeriodDays;
        if (input.eventDiscountPercent !== undefined) tier.eventDiscountPercent = input.eventDiscountPercent;
        if (input.active !== undefined) tier.active = input.active;
        const saved = await this.tiers.save(manager, tier);
        await this.audit.record(manager, { actorId: actor.id, action: 'tier.update', targetType: 'MembershipTier', targetId: id, before, after: snapshot(saved), requestId });
        return saved;
      }),
    );
  }

  private async guardName<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'membership_tiers_name_uq')) {
        throw conflict('A membership tier with this name already exists', MembersErrorReason.TIER_NAME_TAKEN);
      }
      throw error;
    }
  }
}
