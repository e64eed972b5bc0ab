import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, ConnectionArgs, CurrentRequest, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { Payment, PaymentConnection, PaymentsArgs } from './payment.type.js';
import { PaymentsService } from './payments.service.js';

@Resolver(() => Payment)
export class PaymentsResolver {
  constructor(
    private readonly ledger: PaymentsService,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @Query(() => PaymentConnection, { description: 'Your payments (dues and events), newest first.' })
  myPayments(@Args() args: ConnectionArgs, @CurrentViewer() viewer: Viewer): Promise<PaymentConnection> {
    return this.ledger.mine(viewer.id, args);
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Query(() => PaymentConnection, { description: 'FINANCE staff: the payments ledger, newest first.' })
  payments(@Args() args: PaymentsArgs): Promise<PaymentConnection> {
    return this.ledger.all(args);
  }

  @OwnerOrPermission<Payment>((p) => p.userId, StaffPermission.FINANCE)
  @ResolveField(() => User, { description: 'Who paid. The payer, admins and FINANCE staff only.' })
  async user(@Parent() payment: Payment, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(payment.userId);
    if (!user) throw new Error(`payment ${payment.id} has no user`);
    return user;
  }
}
