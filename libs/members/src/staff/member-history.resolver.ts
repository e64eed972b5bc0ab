import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditEntryConnection, type AuditEntryEntity, type ConnectionShape, RequirePermission, StaffPermission } from '../../../core/src/index.js';
import { MemberHistoryRepository } from './member-history.repository.js';
import { MemberAuditTrailArgs, MembershipStatusChange, MemberUserIdArgs } from './member-history.type.js';

/** The staff console's member page: a person's status history and the audit trail about them. */
@Resolver()
export class MemberHistoryResolver {
  constructor(private readonly history: MemberHistoryRepository) {}

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Query(() => [MembershipStatusChange], { description: "MEMBERSHIP_MANAGER staff: every status change of a person's memberships, newest first (at most 200)." })
  async membershipStatusHistory(@Args() { userId }: MemberUserIdArgs): Promise<MembershipStatusChange[]> {
    return (await this.history.statusChanges(userId)) as MembershipStatusChange[];
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Query(() => AuditEntryConnection, { description: 'MEMBERSHIP_MANAGER staff: audit entries about a person (their account and memberships), newest first.' })
  memberAuditTrail(@Args() args: MemberAuditTrailArgs): Promise<ConnectionShape<AuditEntryEntity>> {
    return this.history.auditTrail(args.userId, args.first, args.after);
  }
}
