import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, badInput, conflict, DomainEvents, ErrorCode, forbidden, formatMoney, isUniqueViolation, notFound, OutboxService, StaffPermission, Viewer, viewerHasPermission } from '../../core/src/index.js';
import { UsersService } from '../../accounts/src/index.js';
import { MembershipTierEntity } from './entities/membership-tier.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { MembershipStatus, PeriodSource } from './membership.enums.js';
import { periodEnd } from './membership-period.js';
import { MembersErrorReason } from './members.errors.js';
import { membershipEventData, membershipEventFor } from './membership-events.js';
import { MembershipsRepository, NewPeriod } from './memberships.repository.js';
import { TiersRepository } from './tiers.repository.js';

export interface ActingContext {
  actor: Viewer;
  requestId: string;
}

/** The membership rules: applying, approval, grants, cancellation, and periods (which dues extend). */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly tiers: TiersRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly domainEvents: DomainEvents,
  ) {}

  findById(id: string): Promise<MembershipEntity | null> {
    return this.memberships.findById(id);
  }

  /** Visible to its member and to admins; anyone else is told it does not exist. */
  async findVisible(viewer: Viewer, id: string): Promise<MembershipEntity> {
    const membership = await this.memberships.findById(id);
    if (!membership || (membership.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE))) throw notFound('Membership');
    return membership;
  }

  async apply(viewer: Viewer, tierId: string): Promise<MembershipEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tier = await this.tiers.lockForShare(manager, tierId);
        if (!tier) throw badInput('tierId', 'is not a membership tier');
        if (!tier.active) throw badInput('tierId', 'is a tier that no longer takes new members', MembersErrorReason.TIER_INACTIVE);
        await this.lockPerson(manager, viewer.id);
        await this.assertNoCurrentMembership(manager, viewer.id);
        const initial = tier.requiresApproval
          ? MembershipStatus.PENDING_APPROVAL
          : tier.priceAmount > 0
            ? MembershipStatus.PENDING_PAYMENT
            : MembershipStatus.ACTIVE;
        const membership = await this.memberships.insert(manager, {
          userId: viewer.id,
          tierId: tier.id,
          status: initial,
          autoRenew: tier.billingInterval !== 'LIFETIME' && tier.priceAmount > 0,
        });
        await this.memberships.recordStatusChange(manager, membership.id, null, initial, viewer.id, 'applied');
        if (initial === MembershipStatus.PENDING_APPROVAL) {
          await this.notify(manager, membership, 'membership-application-received', `Your application for ${tier.name} membership`,
            `Thank you for applying for ${tier.name} membership. We will let you know when it has been reviewed.`);
        } else {
          await this.startOrAwaitPayment(manager, membership, tier, viewer.id, 'applied');
        }
        return membership;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_one_current_per_user_uq')) throw this.alreadyAMember();
      throw error;
    }
  }

  async approve(ctx: ActingContext, membershipId: string): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockExisting(manager, membershipId);
      this.assertStatus(membership, [MembershipStatus.PENDING_APPROVAL], 'approved');
      const tier = await this.tierOf(manager, membership);
      await this.transition(manager, membership, tier.priceAmount > 0 ? MembershipStatus.PENDING_PAYMENT : MembershipStatus.ACTIVE, ctx.actor.id, 'approved');
      const result = await this.startOrAwaitPayment(manager, membership, tier, ctx.actor.id, 'approved');
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'membership.approve', targetType: 'Membership', targetId: membershipId,
        before: { status: MembershipStatus.PENDING_APPROVAL }, after: { status: result.status }, requestId: ctx.requestId,
      });
      return result;
    });
  }

  async decline(ctx: ActingContext, membershipId: string, reason: string): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockExisting(manager, membershipId);
      this.assertStatus(membership, [MembershipStatus.PENDING_APPROVAL, MembershipStatus.PENDING_PAYMENT], 'declined');
      const before = membership.status;
      membership.declineReason = reason;
      await this.transition(manager, membership, MembershipStatus.DECLINED, ctx.actor.id, reason);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'membership.decline', targetType: 'Membership', targetId: membershipId,
        before: { status: before }, after: { status: MembershipStatus.DECLINED, reason }, requestId: ctx.requestId,
      });
      const tier = await this.tierOf(manager, membership);
      await this.notify(manager, membership, 'membership-declined', `Your ${tier.name} membership application`,
        `We are sorry: your application for ${tier.name} membership was not accepted.\n\nReason: ${reason}`);
      return membership;
    });
  }

  /** A complimentary membership (no payment); without `until` it is for life. */
  async grant(ctx: ActingContext, userId: string, tierId: string, until: Date | null | undefined): Promise<MembershipEntity> {
    const now = new Date();
    if (until && until.getTime() <= now.getTime()) throw badInput('until', 'must be in the future');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tier = await this.tiers.lockForShare(manager, tierId);
        if (!tier) throw badInput('tierId', 'is not a membership tier');
        if (!tier.active) throw badInput('tierId', 'is a tier that no longer takes new members', MembersErrorReason.TIER_INACTIVE);
        if (!(await this.lockPerson(manager, userId))) throw badInput('userId', 'is not a user');
        const current = await this.memberships.findCurrentForUser(manager, userId);
        if (current && [MembershipStatus.ACTIVE, MembershipStatus.GRACE].includes(current.status)) throw this.alreadyAMember();
        let membership: MembershipEntity;
        if (current) {
          // A pending application becomes the granted membership.
          membership = current;
          membership.tierId = tier.id;
        } else {
          membership = await this.memberships.insert(manager, { userId, tierId: tier.id, status: MembershipStatus.ACTIVE });
          await this.memberships.recordStatusChange(manager, membership.id, null, MembershipStatus.ACTIVE, ctx.actor.id, 'granted');
          await this.domainEvents.record(manager, 'membership.activated', membershipEventData(membership, MembershipStatus.ACTIVE));
        }
        membership.complimentary = true;
        membership.autoRenew = false;
        const endsAt = until ?? null;
        await this.applyPeriod(manager, membership, { startsAt: now, endsAt, source: PeriodSource.GRANT, sourceRef: `grant:${membership.id}:${now.toISOString()}` }, ctx.actor.id, 'granted');
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'membership.grant', targetType: 'Membership', targetId: membership.id,
          after: { userId, tierId, until: endsAt?.toISOString() ?? 'lifetime' }, requestId: ctx.requestId,
        });
        await this.notify(manager, membership, 'membership-granted', `Welcome: your ${tier.name} membership`,
          `You have been given a complimentary ${tier.name} membership${endsAt ? ` until ${endsAt.toISOString().slice(0, 10)}` : ' for life'}.`);
        return membership;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_one_current_per_user_uq')) throw this.alreadyAMember();
      throw error;
    }
  }

  /**
   * Cancels: a pending membership ends now; a paid period stays valid to its end (then the
   * lifecycle job marks it CANCELLED); a lifetime or grace membership ends now.
   */
  async cancel(ctx: ActingContext, membershipId: string): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockExisting(manager, membershipId);
      const isAdmin = viewerHasPermission(ctx.actor, StaffPermission.MEMBERSHIP_MANAGER);
      if (membership.userId !== ctx.actor.id && !isAdmin) throw notFound('Membership');
      if (membership.cancelledAt || membership.status === MembershipStatus.CANCELLED) return membership; // already done
      this.assertStatus(membership, [MembershipStatus.PENDING_APPROVAL, MembershipStatus.PENDING_PAYMENT, MembershipStatus.ACTIVE, MembershipStatus.GRACE], 'cancelled');
      const before = { status: membership.status, currentPeriodEnd: membership.currentPeriodEnd };
      membership.cancelledAt = new Date();
      membership.autoRenew = false;
      const keepsPeriod = membership.status === MembershipStatus.ACTIVE && membership.currentPeriodEnd && membership.currentPeriodEnd > new Date();
      if (keepsPeriod) await this.memberships.save(manager, membership);
      else await this.transition(manager, membership, MembershipStatus.CANCELLED, ctx.actor.id, 'cancelled');
      if (isAdmin) {
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'membership.cancel', targetType: 'Membership', targetId: membershipId,
          before, after: { status: membership.status, cancelledAt: membership.cancelledAt }, requestId: ctx.requestId,
        });
      }
      const tier = await this.tierOf(manager, membership);
      await this.notify(manager, membership, 'membership-cancelled', `Your ${tier.name} membership is cancelled`,
        keepsPeriod
          ? `Your membership will not renew. It stays valid until ${membership.currentPeriodEnd!.toISOString().slice(0, 10)}.`
          : 'Your membership has been cancelled.');
      return membership;
    });
  }

  /**
   * Adds a paid (or granted) period and makes the membership ACTIVE, inside the caller's transaction.
   * Idempotent by `period.sourceRef`: the same payment never extends a membership twice.
   * Returns whether the period was new.
   */
  async applyPeriod(manager: EntityManager, membership: MembershipEntity, period: NewPeriod, actorId: string | null, reason: string): Promise<boolean> {
    const added = await this.memberships.addPeriod(manager, membership.id, period);
    if (!added) return false;
    const firstPeriod = membership.startedAt === null || membership.startedAt === undefined;
    membership.startedAt ??= period.startsAt;
    // Null end = lifetime. An ACTIVE lifetime membership is never shortened; otherwise the later end wins.
    const isLifetime = !firstPeriod && membership.status === MembershipStatus.ACTIVE && membership.currentPeriodEnd === null;
    if (period.endsAt === null) membership.currentPeriodEnd = null;
    else if (firstPeriod || membership.status !== MembershipStatus.ACTIVE || (!isLifetime && membership.currentPeriodEnd! < period.endsAt)) {
      membership.currentPeriodEnd = period.endsAt;
    }
    membership.graceEndsAt = null;
    if (membership.status !== MembershipStatus.ACTIVE) await this.transition(manager, membership, MembershipStatus.ACTIVE, actorId, reason);
    else await this.memberships.save(manager, membership);
    if (firstPeriod) await this.domainEvents.record(manager, 'member.joined', membershipEventData(membership, membership.status));
    return true;
  }

  /**
   * Serialises everything that changes one person's memberships: the account row is the lock, so two
   * concurrent applications by one person queue up instead of racing.
   */
  private lockPerson(manager: EntityManager, userId: string): Promise<boolean> {
    return this.users.lock(manager, userId);
  }

  async lockExisting(manager: EntityManager, membershipId: string): Promise<MembershipEntity> {
    const membership = await this.memberships.lockById(manager, membershipId);
    if (!membership) throw notFound('Membership');
    return membership;
  }

  async transition(manager: EntityManager, membership: MembershipEntity, to: MembershipStatus, actorId: string | null, reason: string): Promise<void> {
    const from = membership.status;
    membership.status = to;
    await this.memberships.save(manager, membership);
    await this.memberships.recordStatusChange(manager, membership.id, from, to, actorId, reason);
    const event = membershipEventFor(from, to);
    if (event) await this.domainEvents.record(manager, event, membershipEventData(membership, to));
  }

  async tierOf(manager: EntityManager, membership: MembershipEntity): Promise<MembershipTierEntity> {
    const tier = await this.tiers.findById(membership.tierId, manager);
    if (!tier) throw new Error(`membership ${membership.id} has no tier`);
    return tier;
  }

  async notify(manager: EntityManager, membership: MembershipEntity, template: string, subject: string, text: string, dedupeKey?: string): Promise<void> {
    const [user] = await this.users.contacts([membership.userId], manager);
    if (!user) return;
    await this.outbox.enqueue(manager, { to: user.email, recipientUserId: user.id, template, subject, text: `Dear ${user.fullName},\n\n${text}`, dedupeKey });
  }

  /**
   * Once approved (or when no approval is needed; the status is already PENDING_PAYMENT or ACTIVE):
   * a free tier starts its first period now; a paid one asks for the dues.
   */
  private async startOrAwaitPayment(manager: EntityManager, membership: MembershipEntity, tier: MembershipTierEntity, actorId: string, reason: string): Promise<MembershipEntity> {
    if (membership.status === MembershipStatus.PENDING_PAYMENT) {
      await this.notify(manager, membership, 'membership-payment-due', `Complete your ${tier.name} membership`,
        `Your ${tier.name} membership is ready: pay the dues of ${formatMoney(tier.priceAmount, tier.priceCurrency)} to activate it.`);
      return membership;
    }
    const now = new Date();
    await this.applyPeriod(manager, membership, { startsAt: now, endsAt: periodEnd(now, tier.billingInterval), source: PeriodSource.FREE, sourceRef: `free:${membership.id}:${now.toISOString()}` }, actorId, reason);
    await this.notify(manager, membership, 'membership-welcome', `Welcome to ${tier.name}`, `Your ${tier.name} membership is active.`);
    return membership;
  }

  private async assertNoCurrentMembership(manager: EntityManager, userId: string): Promise<void> {
    if (await this.memberships.findCurrentForUser(manager, userId)) throw this.alreadyAMember();
  }

  private assertStatus(membership: MembershipEntity, allowed: MembershipStatus[], verb: string): void {
    if (!allowed.includes(membership.status)) {
      throw new AppError(ErrorCode.CONFLICT, `A ${membership.status} membership cannot be ${verb}`, { reason: MembersErrorReason.WRONG_STATUS });
    }
  }

  private alreadyAMember(): AppError {
    return conflict('This person already has a current membership', MembersErrorReason.ALREADY_A_MEMBER);
  }

  /** For resolvers that must refuse non-owners explicitly. */
  assertOwnerOrAdmin(viewer: Viewer, membership: MembershipEntity): void {
    if (membership.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER)) throw forbidden();
  }
}
