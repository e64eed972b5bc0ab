import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AuditService, badInput, ErrorCode, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { MembershipChangesService, type MembershipRecord, MembershipStatus, type TierRecord } from '../../../members/src/index.js';
import { StripeGateway } from '../../../payments/src/index.js';
import { stripeIntervalFor } from '../catalog/price-lookup-key.js';
import { TierCatalogService } from '../catalog/tier-catalog.service.js';
import { DuesErrorReason } from '../dues.errors.js';
import { DuesSubscriptionsRepository } from './dues-subscriptions.repository.js';
import { TierChangesRepository } from './tier-changes.repository.js';

/**
 * A tier change takes effect with the next paid period: no proration, no surprise charge. With a
 * subscription, its price is switched now (proration_behavior none) so Stripe's next invoice charges
 * the new tier, and the invoice paid moves the membership; without one, the next renewal checkout
 * charges the new tier. Before the first payment the tier simply changes.
 */
@Injectable()
export class TierChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly memberships: MembershipChangesService,
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly changes: TierChangesRepository,
    private readonly catalog: TierCatalogService,
    private readonly audit: AuditService,
  ) {}

  async change(viewer: Viewer, membershipId: string, tierId: string, requestId: string): Promise<MembershipRecord> {
    const membership = await this.memberships.findById(membershipId);
    if (!membership || (membership.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER))) throw notFound('Membership');
    const statuses = [MembershipStatus.PENDING_PAYMENT, MembershipStatus.ACTIVE, MembershipStatus.GRACE];
    if (!statuses.includes(membership.status)) {
      throw new AppError(ErrorCode.CONFLICT, `A ${membership.status} membership cannot change tier`, { reason: DuesErrorReason.WRONG_STATUS });
    }
    const target = await this.checkTarget(membership, tierId);
    const live = await this.subscriptions.liveFor(membership.id);
    if (live && !live.cancelAtPeriodEnd && membership.status !== MembershipStatus.PENDING_PAYMENT) {
      const current = await this.memberships.tier(membership.tierId);
      if (current && (current.billingInterval !== target.billingInterval || current.priceCurrency !== target.priceCurrency)) {
        throw badInput('tierId', 'must bill in the same interval and currency as your current tier while your membership renews automatically');
      }
      const price = await this.catalog.priceFor(target, stripeIntervalFor(target.billingInterval, true));
      if (live.stripePriceId !== price && live.stripeItemId) {
        await this.gateway.call('change subscription price', (stripe) =>
          stripe.subscriptions.update(
            live.stripeSubscriptionId,
            { items: [{ id: live.stripeItemId!, price }], proration_behavior: 'none' },
            { idempotencyKey: `dues-tier-change:${live.stripeSubscriptionId}:${price}` },
          ),
        );
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.memberships.lockById(manager, membershipId);
      if (!locked) throw notFound('Membership');
      const before = locked.tierId;
      if (locked.status === MembershipStatus.PENDING_PAYMENT) {
        await this.memberships.changeTier(manager, locked, target.id);
      } else {
        await this.changes.replacePending(manager, { membershipId, fromTierId: locked.tierId, toTierId: target.id, requestedBy: viewer.id, effectiveAt: locked.currentPeriodEnd });
      }
      await this.audit.record(manager, {
        actorId: viewer.id, action: 'membership.changeTier', targetType: 'Membership', targetId: membershipId,
        before: { tierId: before }, after: { tierId: target.id, effectiveAt: locked.status === MembershipStatus.PENDING_PAYMENT ? 'now' : locked.currentPeriodEnd }, requestId,
      });
      return locked;
    });
  }

  private async checkTarget(membership: MembershipRecord, tierId: string): Promise<TierRecord> {
    const target = await this.memberships.tier(tierId);
    if (!target) throw badInput('tierId', 'is not a membership tier');
    if (!target.active) throw badInput('tierId', 'is a tier that no longer takes new members');
    if (target.id === membership.tierId) throw badInput('tierId', 'is already the tier of this membership');
    if (target.priceAmount <= 0) throw badInput('tierId', 'is a free tier: cancel this membership and apply for it instead');
    if (target.requiresApproval) throw badInput('tierId', 'needs approval: apply for it instead');
    return target;
  }
}
