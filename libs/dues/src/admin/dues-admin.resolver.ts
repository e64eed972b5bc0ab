import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UsersLoader } from '../../../accounts/src/index.js';
import { CurrentRequest, CurrentViewer, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { Payment, StripeGateway } from '../../../payments/src/index.js';
import { OfflinePaymentsService } from '../offline/offline-payments.service.js';
import { RecordOfflinePaymentInput, RefundPaymentArgs } from '../offline/offline-payment.input.js';
import { ReconcileArgs, ReconcileReport } from '../reconciliation/reconcile-report.type.js';
import { ReconcileRun } from '../reconciliation/reconcile-run.type.js';
import { ReconciliationService } from '../reconciliation/reconciliation.service.js';
import { RefundsService } from '../refunds/refunds.service.js';
import { DuesReport, DuesReportArgs } from '../reports/dues-report.type.js';
import { DuesReportService } from '../reports/dues-report.service.js';

@Resolver()
export class DuesAdminResolver {
  constructor(
    private readonly offline: OfflinePaymentsService,
    private readonly refunds: RefundsService,
    private readonly reconciliation: ReconciliationService,
    private readonly reports: DuesReportService,
    private readonly gateway: StripeGateway,
    private readonly users: UsersLoader,
  ) {}

  @RequirePermission(StaffPermission.FINANCE)
  @Mutation(() => Payment, { description: 'FINANCE staff: a cheque, bank transfer or cash payment; extends the membership like a card payment.' })
  recordOfflinePayment(@Args('input') input: RecordOfflinePaymentInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Payment> {
    return this.offline.record(actor, input, ctx.requestId);
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Mutation(() => Payment, { description: 'FINANCE staff: refunds all or part of a payment; never more than was paid.' })
  refundPayment(@Args() args: RefundPaymentArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Payment> {
    return this.refunds.refund(actor, args.paymentId, args.amount ?? undefined, args.reason ?? null, ctx.requestId);
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Mutation(() => ReconcileReport, { description: 'FINANCE staff: finds and fixes what we missed from Stripe (also runs daily). A second run finds nothing.' })
  reconcileStripe(@Args() { since }: ReconcileArgs, @CurrentViewer() actor: Viewer): Promise<ReconcileReport> {
    this.gateway.assertConfigured();
    return this.reconciliation.reconcile(since, actor.id);
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Query(() => [ReconcileRun], { description: 'FINANCE staff: the last 10 Stripe reconciliations (by hand or daily), newest first, each with its report.' })
  async reconcileRuns(@CurrentRequest() ctx: RequestContext): Promise<ReconcileRun[]> {
    const runs = await this.reconciliation.recentRuns();
    const actors = await this.users.byId(ctx).loadMany([...new Set(runs.map((r) => r.actorId).filter((id): id is string => !!id))]);
    const names = new Map(actors.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.fullName] as const] : [])));
    return runs.map((run) => ({ ...run, actorName: run.actorId ? names.get(run.actorId) ?? null : null }));
  }

  @RequirePermission(StaffPermission.FINANCE)
  @Query(() => DuesReport, { description: 'FINANCE staff: dues collected and refunded, by tier and month, and automatic renewals.' })
  duesReport(@Args() { from, to }: DuesReportArgs): Promise<DuesReport> {
    return this.reports.build(from, to);
  }
}
