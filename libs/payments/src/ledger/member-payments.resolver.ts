import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConnectionArgs, RequirePermission, StaffPermission } from '../../../core/src/index.js';
import { Payment, PaymentConnection } from './payment.type.js';
import { PaymentsService } from './payments.service.js';

@ArgsType()
export class MemberPaymentsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

/** The staff console's member page: one person's payments, for membership staff as well as finance. */
@Resolver(() => Payment)
export class MemberPaymentsResolver {
  constructor(private readonly ledger: PaymentsService) {}

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @Query(() => PaymentConnection, { description: "MEMBERSHIP_MANAGER or FINANCE staff: one person's payments (dues and events), newest first." })
  memberPayments(@Args() args: MemberPaymentsArgs): Promise<PaymentConnection> {
    return this.ledger.mine(args.userId, args);
  }
}
