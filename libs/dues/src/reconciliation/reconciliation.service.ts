import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, JobRegistry, ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { PaymentLedger, StripeEventReplay, StripeGateway, StripeRefundsSync, StripeSyncRuns, toProviderError } from '../../../payments/src/index.js';
import { RECONCILE_CURSOR, RECONCILE_TASK, STOP_BILLING_TASK } from '../dues.constants.js';
import { DuesErrorReason } from '../dues.errors.js';
import { StopBillingService } from '../subscriptions/stop-billing.service.js';
import { DuesSyncWriter } from '../sync/dues-sync-writer.service.js';
import { StripeReader } from '../sync/stripe-reader.service.js';
import { emptyReport, type ReconcileReport } from './reconcile-report.type.js';
import { ReconcileTrigger } from './reconcile-run.type.js';
import { ReconcileRunsRepository } from './reconcile-runs.repository.js';

const MAX_SUBSCRIPTIONS = 50_000;
const MAX_FIXES_LISTED = 200;
/** Runs kept to be read back (older ones stay in the table; only these are listed). */
export const RECENT_RUNS_LISTED = 10;

/**
 * Finds and fixes drift between Stripe and us: (1) replays the Stripe events we never recorded (a
 * lost webhook) through payments' dispatcher, so dues and event seats alike are caught up; (2) pages
 * through every subscription and applies its current state and latest invoice; (3) settles refunds
 * whose answer was lost; (4) stops billing cancelled memberships. Everything it applies is
 * idempotent, so a second run finds nothing to do. One run at a time (a lease row, taken and released
 * in short statements: no connection is held while the run's own work asks the pool for others).
 */
@Injectable()
export class ReconciliationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly jobs: JobRegistry,
    private readonly runs: StripeSyncRuns,
    private readonly replay: StripeEventReplay,
    private readonly reader: StripeReader,
    private readonly writer: DuesSyncWriter,
    private readonly ledger: PaymentLedger,
    private readonly refundSync: StripeRefundsSync,
    private readonly stopBilling: StopBillingService,
    private readonly runLog: ReconcileRunsRepository,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.register(RECONCILE_TASK, async () => {
      if (!this.gateway.configured) return;
      const report = await this.reconcile();
      this.logger.info({ context: 'dues-reconcile', ...report, fixes: report.fixes.length }, 'Stripe reconciliation done');
    });
    this.jobs.schedule(RECONCILE_TASK, '17 4 * * *');
    this.jobs.register(STOP_BILLING_TASK, async () => {
      await this.stopBilling.run();
    });
    this.jobs.schedule(STOP_BILLING_TASK, '*/10 * * * *');
  }

  /** `actorId`: who asked (null: the daily job). The finished run and its report are kept for reading back. */
  async reconcile(since?: Date | null, actorId: string | null = null): Promise<ReconcileReport> {
    if (since && since.getTime() > Date.now()) throw badInput('since', 'must not be in the future');
    const stripe = this.gateway.client();
    const startedAt = new Date();
    const run = await this.runs.exclusive(RECONCILE_CURSOR, async (keepAlive) => {
      const from = since ?? (await this.replay.defaultSince(RECONCILE_CURSOR));
      const report = emptyReport(from);
      await this.replayMissedEvents(from, report, keepAlive);
      await this.syncSubscriptions(stripe, report, keepAlive);
      await this.settlePendingRefunds(report);
      const stopped = await this.stopBilling.run();
      report.billingStopped = stopped.length;
      this.note(report, stopped);
      return report;
    });
    if (!run.ran) throw new AppError(ErrorCode.CONFLICT, 'A reconciliation is already running', { reason: DuesErrorReason.RECONCILE_RUNNING });
    await this.runLog.insert({
      trigger: actorId ? ReconcileTrigger.MANUAL : ReconcileTrigger.SCHEDULED, actorId, startedAt, finishedAt: new Date(),
      report: { ...run.result, since: run.result.since.toISOString() },
    });
    return run.result;
  }

  /** The last runs, newest first. */
  async recentRuns(): Promise<Array<{ id: string; trigger: ReconcileTrigger; actorId: string | null; startedAt: Date; finishedAt: Date; report: ReconcileReport }>> {
    const rows = await this.runLog.latest(RECENT_RUNS_LISTED);
    return rows.map((row) => {
      const stored = row.report as unknown as ReconcileReport & { since: string };
      return {
        id: row.id, trigger: row.trigger as ReconcileTrigger, actorId: row.actorId, startedAt: row.startedAt, finishedAt: row.finishedAt,
        report: { ...emptyReport(new Date(stored.since)), ...stored, since: new Date(stored.since) },
      };
    });
  }

  private async replayMissedEvents(from: Date, report: ReconcileReport, keepAlive: () => Promise<void>): Promise<void> {
    const replayed = await this.replay.replayMissed(from, RECONCILE_CURSOR, keepAlive);
    report.eventsScanned = replayed.scanned;
    report.eventsApplied = replayed.applied;
    report.failures += replayed.failures;
    report.paymentsRecorded += replayed.changes.filter((c) => c.includes(': recorded payment')).length;
    this.note(report, replayed.changes);
  }

  private async syncSubscriptions(stripe: Stripe, report: ReconcileReport, keepAlive: () => Promise<void>): Promise<void> {
    const listedAt = new Date();
    try {
      for await (const subscription of stripe.subscriptions.list({ status: 'all', limit: 100, expand: ['data.latest_invoice.payments'] })) {
        if (report.subscriptionsChecked >= MAX_SUBSCRIPTIONS) break;
        await keepAlive();
        await this.syncOne(subscription, listedAt, report);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toProviderError(error, 'list subscriptions');
    }
  }

  private async syncOne(subscription: Stripe.Subscription, listedAt: Date, report: ReconcileReport): Promise<void> {
    try {
      const plan = await this.reader.fromSubscription(subscription, listedAt);
      if (!plan) return;
      report.subscriptionsChecked++;
      const outcome = await this.dataSource.transaction((manager) => this.writer.apply(manager, plan));
      if (outcome.changes.length) {
        report.subscriptionsFixed++;
        report.paymentsRecorded += outcome.paymentsRecorded;
        this.note(report, outcome.changes.map((c) => `subscription ${subscription.id}: ${c}`));
      }
    } catch (error) {
      report.failures++;
      this.logger.warn({ err: error, subscription: subscription.id, context: 'dues-reconcile' }, 'Subscription could not be reconciled');
    }
  }

  private async settlePendingRefunds(report: ReconcileReport): Promise<void> {
    const pending = await this.ledger.pendingRefundsOlderThan(new Date(Date.now() - 60_000), 100);
    const byIntent = new Map<string, number>();
    for (const refund of pending) {
      const pi = (await this.ledger.findById(refund.paymentId))?.stripePaymentIntentId;
      if (!pi || byIntent.has(pi)) continue;
      byIntent.set(pi, 1);
      try {
        const plan = await this.refundSync.ofPaymentIntent(pi);
        const changes = await this.dataSource.transaction((manager) => this.refundSync.apply(manager, plan));
        if (changes.length) {
          report.refundsSettled++;
          this.note(report, changes);
        }
      } catch (error) {
        report.failures++;
        this.logger.warn({ err: error, paymentIntent: pi, context: 'dues-reconcile' }, 'Pending refund could not be settled');
      }
    }
  }

  private note(report: ReconcileReport, lines: string[]): void {
    for (const line of lines) if (report.fixes.length < MAX_FIXES_LISTED) report.fixes.push(line);
  }
}
