import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AuditService, ErrorCode, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { MembershipChangesService, type MembershipRecord, MembershipStatus } from '../../../members/src/index.js';
import { StripeGateway } from '../../../payments/src/index.js';
import { DuesErrorReason } from '../dues.errors.js';
import { subscriptionSnapshot } from '../sync/stripe-mapping.js';
import { DuesSubscriptionsRepository } from './dues-subscriptions.repository.js';
import { SubscriptionStateService } from './subscription-state.service.js';

/**
 * Turning automatic renewal off sets `cancel_at_period_end` on the Stripe subscription (the paid
 * period is kept, nothing is refunded); turning it back on clears it. Without a subscription there is
 * nothing to renew with: switching on is refused (start a checkout with autoRenew instead).
 */
@Injectable()
export class AutoRenewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly memberships: MembershipChangesService,
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly state: SubscriptionStateService,
    private readonly audit: AuditService,
  ) {}

  async set(viewer: Viewer, membershipId: string, autoRenew: boolean, requestId: string): Promise<MembershipRecord> {
    const found = await this.memberships.findById(membershipId);
    if (!found || (found.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER))) throw notFound('Membership');
    if (autoRenew && found.cancelledAt) {
      throw new AppError(ErrorCode.CONFLICT, 'This membership was cancelled; it cannot renew', { reason: DuesErrorReason.WRONG_STATUS });
    }
    const live = await this.subscriptions.liveFor(membershipId);
    if (!live) return this.setWithoutSubscription(viewer, membershipId, autoRenew, requestId);
    if (live.cancelAtPeriodEnd === !autoRenew) return found;
    const retrievedAt = new Date();
    const updated = await this.gateway.call('update subscription', (stripe) =>
      stripe.subscriptions.update(
        live.stripeSubscriptionId,
        { cancel_at_period_end: !autoRenew },
        { idempotencyKey: `dues-auto-renew:${live.stripeSubscriptionId}:${autoRenew}:${live.syncedAt.getTime()}` },
      ),
    );
    const snapshot = subscriptionSnapshot(updated, retrievedAt);
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.memberships.lockById(manager, membershipId);
      if (!membership) throw notFound('Membership');
      if (snapshot) await this.state.apply(manager, membership, snapshot);
      await this.recordAudit(manager, viewer, membership, autoRenew, requestId);
      return membership;
    });
  }

  private setWithoutSubscription(viewer: Viewer, membershipId: string, autoRenew: boolean, requestId: string): Promise<MembershipRecord> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.memberships.lockById(manager, membershipId);
      if (!membership) throw notFound('Membership');
      if (membership.autoRenew === autoRenew) return membership;
      if (autoRenew && membership.status !== MembershipStatus.PENDING_PAYMENT) {
        throw new AppError(ErrorCode.CONFLICT, 'Automatic renewal needs a card on file: start a dues checkout with autoRenew when your period ends', {
          reason: DuesErrorReason.NO_SUBSCRIPTION,
        });
      }
      await this.memberships.setAutoRenew(manager, membership, autoRenew);
      await this.recordAudit(manager, viewer, membership, autoRenew, requestId);
      return membership;
    });
  }

  private async recordAudit(manager: Parameters<AuditService['record']>[0], viewer: Viewer, membership: MembershipRecord, autoRenew: boolean, requestId: string): Promise<void> {
    if (viewer.id === membership.userId) return;
    await this.audit.record(manager, { actorId: viewer.id, action: 'membership.setAutoRenew', targetType: 'Membership', targetId: membership.id, after: { autoRenew }, requestId });
  }
}
