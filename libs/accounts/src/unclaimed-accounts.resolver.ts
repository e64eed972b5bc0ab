import { Args, ArgsType, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { Connection, ConnectionArgs, type ConnectionShape, RequirePermission, StaffPermission } from '../../core/src/index.js';
import { UNCLAIMED_PASSWORD_HASH } from './unclaimed-account.js';
import { UnclaimedAccountsRepository } from './unclaimed-accounts.repository.js';
import { User } from './user.type.js';

@ObjectType('UnclaimedAccountConnection')
export class UnclaimedAccountConnection extends Connection(User, 'UnclaimedAccount') {}

@ArgsType()
export class UnclaimedAccountsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only those without a live invitation.' })
  @IsOptional()
  @IsBoolean()
  notInvited?: boolean;
}

/** The console's invitations screen: who was imported and has not set a password yet. */
@Resolver(() => User)
export class UnclaimedAccountsResolver {
  constructor(private readonly unclaimed: UnclaimedAccountsRepository) {}

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Query(() => UnclaimedAccountConnection, { description: 'MEMBERSHIP_MANAGER staff: imported accounts not yet claimed, oldest first (invitationSentAt says who was invited when).' })
  unclaimedAccounts(@Args() args: UnclaimedAccountsArgs): Promise<ConnectionShape<User>> {
    return this.unclaimed.list(UNCLAIMED_PASSWORD_HASH, args);
  }
}
