import { Args, Query, Resolver } from '@nestjs/graphql';
import { type ConnectionShape, RequirePermission, StaffPermission } from '../../../core/src/index.js';
import { MemberRegistrationsRepository } from './member-registrations.repository.js';
import { MemberRegistration, MemberRegistrationConnection, MemberRegistrationsArgs } from './member-registrations.type.js';

/** The staff console's member page: one person's registrations. */
@Resolver(() => MemberRegistration)
export class MemberRegistrationsResolver {
  constructor(private readonly registrations: MemberRegistrationsRepository) {}

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.EVENT_MANAGER)
  @Query(() => MemberRegistrationConnection, { description: "MEMBERSHIP_MANAGER or EVENT_MANAGER staff: one person's event registrations, newest first." })
  memberRegistrations(@Args() args: MemberRegistrationsArgs): Promise<ConnectionShape<MemberRegistration>> {
    return this.registrations.forUser(args.userId, args.first, args.after) as Promise<ConnectionShape<MemberRegistration>>;
  }
}
