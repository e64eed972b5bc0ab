import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { DATABASE_TARGET } from '../database/database.module.js';
import type { DatabaseTarget } from '../database/database-target.js';
import { MetricsSnapshotRepository, QueueSnapshot } from './metrics-snapshot.repository.js';

interface DatabaseSnapshot {
  queue: QueueSnapshot;
  emails: Array<{ status: string; count: number; oldestAgeSeconds: number }>;
}

/** Operation names come from clients: only tidy ones become labels, and only so many of them. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATIONS = 200;

/**
 * The Prometheus metrics an operator watches (listed in the README). One registry per app, so test
 * apps in one process never share counters. Database-backed gauges are read at scrape time.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'guildhall_graphql_requests_total',
    help: 'GraphQL requests by operation and outcome (ok, error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'guildhall_graphql_errors_total',
    help: 'GraphQL errors by operation and extensions.code',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'guildhall_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: MetricsSnapshotRepository,
    @Inject(DATABASE_TARGET) target: DatabaseTarget,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'guildhall_' });
    const pool = () => (this.dataSource.driver as unknown as { master?: Pool }).master;
    new Gauge({
      name: 'guildhall_db_pool_connections',
      help: 'pg pool connections: total, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
      },
    });
    const embedded = target.embedded;
    if (embedded) {
      new Gauge({
        name: 'guildhall_embedded_postgres_up',
        help: '1 while the embedded PostgreSQL server this process started is running (only without DATABASE_URL)',
        registers: [this.registry],
        collect() {
          this.set(embedded.running ? 1 : 0);
        },
      });
    }
    // The database gauges read one shared snapshot per scrape; a failed read shows in guildhall_database_up.
    const snapshot = () => this.snapshot();
    new Gauge({
      name: 'guildhall_database_up',
      help: '1 when the database answered this scrape, else 0',
      registers: [this.registry],
      async collect() {
        this.set((await snapshot()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'guildhall_jobs',
      help: 'Background jobs by state: ready, scheduled, locked, retrying, dead',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const queue = (await snapshot())?.queue;
        if (queue) for (const state of ['ready', 'scheduled', 'locked', 'retrying', 'dead'] as const) this.set({ state }, queue[state]);
      },
    });
    new Gauge({
      name: 'guildhall_jobs_oldest_ready_age_seconds',
      help: 'How long the oldest due, unlocked job has waited',
      registers: [this.registry],
      async collect() {
        const queue = (await snapshot())?.queue;
        if (queue) this.set(queue.oldestReadyAgeSeconds);
      },
    });
    new Gauge({
      name: 'guildhall_outbox_backlog',
      help: 'Emails not yet delivered, by status (PENDING, FAILED)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const emails = (await snapshot())?.emails;
        if (emails) for (const status of ['PENDING', 'FAILED']) this.set({ status }, emails.find((e) => e.status === status)?.count ?? 0);
      },
    });
    new Gauge({
      name: 'guildhall_outbox_oldest_age_seconds',
      help: 'Age of the oldest undelivered email',
      registers: [this.registry],
      async collect() {
        const emails = (await snapshot())?.emails;
        if (emails) this.set(Math.max(0, ...emails.map((e) => e.oldestAgeSeconds)));
      },
    });
  }

  private lastSnapshot?: { at: number; value: Promise<DatabaseSnapshot | undefined> };

  /** Read once per scrape (gauges collect side by side); undefined when the database did not answer. */
  private snapshot(): Promise<DatabaseSnapshot | undefined> {
    const now = Date.now();
    if (!this.lastSnapshot || now - this.lastSnapshot.at > 1000) {
      const value = Promise.all([this.snapshots.queue(), this.snapshots.outboxByStatus()]).then(
        ([queue, emails]) => ({ queue, emails }),
        () => undefined,
      );
      this.lastSnapshot = { at: now, value };
    }
    return this.lastSnapshot.value;
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }
}
