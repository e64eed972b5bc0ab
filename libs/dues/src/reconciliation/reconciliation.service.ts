import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, JobRegistry, ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { PaymentsRepository, RefundsRepository, StripeEventSource, StripeEventsRepository, StripeGateway, SyncCursorsRepository, toProviderError } from '../../../payments/src/index.js';
import { RECONCILE_CURSOR, RECONCILE_TASK, STOP_BILLING_TASK } from '../dues.constants.js';
import { DuesErrorReason } from '../dues.errors.js';
import { RefundSyncService } from '../refunds/refund-sync.service.js';
import { StopBillingService } from '../subscriptions/stop-billing.service.js';
import { DuesSyncWriter } from '../sync/dues-sync-writer.service.js';
import { StripeReader } from '../sync/stripe-reader.service.js';
import { HANDLED_EVENT_TYPES } from '../webhooks/event-handlers.js';
import { WebhookIngestionService } from '../webhooks/webhook-ingestion.service.js';
import { emptyReport, type ReconcileReport } from './reconcile-report.type.js';

const STRIPE_EVENT_RETENTION_MS = 30 * 86_400_000;
/** Events may be created a little out of order across Stripe's machines: re-read a margin before the cursor. */
const CURSOR_OVERLAP_MS = 5 * 60_000;
const MAX_EVENTS = 10_000;
const MAX_SUBSCRIPTIONS = 50_000;
const MAX_FIXES_LISTED = 200;
const LOCK_KEY = 'guildhall:dues-reconcile-stripe';

/**
 * Finds and fixes drift between Stripe and us: (1) pages through Stripe's events since the cursor
 * and applies those we never recorded (a lost webhook), through the same ingestion as the webhook;
 * (2) pages through every subscription and applies its current state and latest invoice; (3) settles
 * refunds whose answer was lost; (4) stops billing cancelled memberships. Everything it applies is
 * idempotent, so a second run finds nothing to do. One run at a time (advisory lock).
 */
@Injectable()
export class ReconciliationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: StripeGateway,
    private readonly jobs: JobRegistry,
    private readonly events: StripeEventsRepository,
    private readonly cursors: SyncCursorsRepository,
    private readonly ingestion: WebhookIngestionService,
    private readonly reader: StripeReader,
    private readonly writer: DuesSyncWriter,
    private readonly refunds: RefundsRepository,
    private readonly payments: PaymentsRepository,
    private readonly refundSync: RefundSyncService,
    private readonly stopBilling: StopBillingService,
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

  async reconcile(since?: Date | null): Promise<ReconcileReport> {
    if (since && since.getTime() > Date.now()) throw badInput('since', 'must not be in the future');
    const stripe = this.gateway.client();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [LOCK_KEY])) as Array<{ locked: boolean }>;
      if (!locked) throw new AppError(ErrorCode.CONFLICT, 'A reconciliation is already running', { reason: DuesErrorReason.RECONCILE_RUNNING });
      try {
        const from = since ?? (await this.defaultSince());
        const report = emptyReport(from);
        await this.replayMissedEvents(stripe, from, report);
        await this.syncSubscriptions(stripe, report);
        await this.settlePendingRefunds(report);
        const stopped = await this.stopBilling.run();
        report.billingStopped = stopped.length;
        this.note(report, stopped);
        return report;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async defaultSince(): Promise<Date> {
    const cursor = await this.cursors.find(RECONCILE_CURSOR);
    const oldest = Date.now() - STRIPE_EVENT_RETENTION_MS;
    const from = cursor?.lastEventCreatedAt ? cursor.lastEventCreatedAt.getTime() - CURSOR_OVERLAP_MS : oldest;
    return new Date(Math.max(from, oldest));
  }

  private async replayMissedEvents(stripe: Stripe, from: Date, report: ReconcileReport): Promise<void> {
    const events: Stripe.Event[] = [];
    try {
      for await (const event of stripe.events.list({ types: HANDLED_EVENT_TYPES, created: { gte: Math.floor(from.getTime() / 1000) }, limit: 100 })) {
        events.push(event);
        if (events.length >= MAX_EVENTS) break;
      }
    } catch (error) {
      throw toProviderError(error, 'list events');
    }
    events.sort((a, b) => a.created - b.created);
    report.eventsScanned = events.length;
    const recorded = await this.events.recordedAmong(events.map((e) => e.id));
    let cursor: Stripe.Event | undefined;
    let failed = false;
    for (const event of events) {
      if (!recorded.has(event.id)) {
        try {
          const result = await this.ingestion.ingest(event, StripeEventSource.RECONCILE);
          if (result.outcome === 'applied') {
            report.eventsApplied++;
            report.paymentsRecorded += result.changes.filter((c) => c.startsWith('recorded payment')).length;
            this.note(report, result.changes.map((c) => `${event.type} ${event.id}: ${c}`));
          }
        } catch (error) {
          report.failures++;
          failed = true;
          this.logger.warn({ err: error, eventId: event.id, context: 'dues-reconcile' }, 'Missed event could not be applied; next run retries it');
        }
      }
      if (!failed) cursor = event;
    }
    if (cursor) await this.cursors.advance(RECONCILE_CURSOR, cursor.id, new Date(cursor.created * 1000));
  }

  private async syncSubscriptions(stripe: Stripe, report: ReconcileReport): Promise<void> {
    const listedAt = new Date();
    try {
      for await (const subscription of stripe.subscriptions.list({ status: 'all', limit: 100, expand: ['data.latest_invoice.payments'] })) {
        if (report.subscriptionsChecked >= MAX_SUBSCRIPTIONS) break;
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
    const pending = await this.refunds.pendingOlderThan(new Date(Date.now() - 60_000), 100);
    const byIntent = new Map<string, number>();
    for (const refund of pending) {
      const pi = (await this.payments.findById(refund.paymentId))?.stripePaymentIntentId;
      if (!pi || byIntent.has(pi)) continue;
      byIntent.set(pi, 1);
      try {
        const plan = await this.reader.refundsOfPaymentIntent(pi);
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
