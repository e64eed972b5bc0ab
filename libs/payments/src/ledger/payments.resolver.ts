import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, ConnectionArgs, CurrentRequest, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { PaymentDetails } from './payment-details.type.js';
import { PaymentLedgerConnection } from './payment-ledger-page.type.js';
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
  @Query(() => PaymentLedgerConnection, { description: 'FINANCE staff: the payments ledger, newest first, with totals per currency of every match.' })
  payments(@Args() args: PaymentsArgs): Promise<PaymentLedgerConnection> {
    return this.ledger.all(args);
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Query(() => PaymentDetails, { description: 'FINANCE staff: one payment with its Stripe ids, refunds and audit trail. NOT_FOUND when there is none.' })
  async paymentDetails(@Args('id', { type: () => ID }) id: string, @CurrentRequest() ctx: RequestContext): Promise<PaymentDetails> {
    const facts = await this.ledger.details(id);
    const ids = [facts.recordedBy, ...facts.refunds.map((r) => r.requestedBy), ...facts.auditTrail.map((a) => a.actorId)];
    const names = new Map<string, string>();
    for (const user of await this.users.byId(ctx).loadMany([...new Set(ids.filter((v): v is string => !!v))])) {
      if (user && !(user instanceof Error)) names.set(user.id, user.fullName);
    }
    const nameOf = (userId: string | null) => (userId ? names.get(userId) ?? null : null);
    return {
      ...facts,
      recordedByName: nameOf(facts.recordedBy),
      refunds: facts.refunds.map((r) => ({ ...r, requestedByName: nameOf(r.requestedBy) })),
      auditTrail: facts.auditTrail.map((a) => ({ id: a.id, at: a.at, action: a.action, actorName: nameOf(a.actorId), details: a.details })),
    };
  }

  @OwnerOrPermission<Payment>((p) => p.userId, StaffPermission.FINANCE)
  @ResolveField(() => User, { description: 'Who paid. The payer, admins and FINANCE staff only.' })
  async user(@Parent() payment: Payment, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(payment.userId);
    if (!user) throw new Error(`payment ${payment.id} has no user`);
    return user;
  }
}
