import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvents, JobRegistry, OutboxService } from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';
import { membershipEventData, membershipEventFor } from '../membership-events.js';

export const LIFECYCLE_TASK = 'membership-lifecycle';

/** Reminder offsets before the period end, in days. */
const REMINDER_DAYS = [30, 7] as const;
const BATCH = 500;

export interface LifecycleReport {
  toGrace: number;
  lapsed: number;
  cancelled: number;
  remindersSent: number;
  lapseNotices: number;
}

interface MovedRow {
  id: string;
  user_id: string;
  tier_id: string;
  to_status: string;
  tier_name: string;
  current_period_end: Date | null;
  grace_ends_at: Date | null;
}

type AddressedRow = MovedRow & { email: string; full_name: string };

/**
 * Moves memberships along as time passes: ACTIVE past its period end → GRACE (or LAPSED when the
 * tier has no grace) → LAPSED when grace ends; a cancelled one → CANCELLED at its period end.
 * Sends renewal reminders 30 and 7 days ahead and a lapse notice.
 *
 * Safe to run from several processes at once: each batch takes its rows with FOR UPDATE SKIP LOCKED
 * and re-checks the status in the UPDATE, so a membership moves once; each email has a dedupe key
 * (membership + period end), so it is written once, however often the job runs.
 */
@Injectable()
export class MembershipLifecycleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly jobs: JobRegistry,
    private readonly users: UsersService,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** Adds each row's email and name (asked of accounts); rows whose account is gone get no email. */
  private async addressed<T extends { user_id: string }>(manager: EntityManager | undefined, rows: T[]): Promise<Array<T & { email: string; full_name: string }>> {
    const contacts = await this.users.contacts([...new Set(rows.map((r) => r.user_id))], manager);
    const byId = new Map(contacts.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    return rows.flatMap((row) => {
      const contact = byId.get(row.user_id);
      return contact ? [{ ...row, email: contact.email, full_name: contact.fullName }] : [];
    });
  }

  onModuleInit(): void {
    this.jobs.register(LIFECYCLE_TASK, async () => {
      await this.run();
    });
    this.jobs.schedule(LIFECYCLE_TASK, '*/15 * * * *');
  }

  async run(now = new Date()): Promise<LifecycleReport> {
    const report: LifecycleReport = { toGrace: 0, lapsed: 0, cancelled: 0, remindersSent: 0, lapseNotices: 0 };
    for (;;) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const rows = [
          ...(await this.endCancelled(manager, now)),
          ...(await this.endPeriods(manager, now)),
          ...(await this.endGrace(manager, now)),
        ];
        for (const row of rows) {
          if (row.to_status === 'GRACE') report.toGrace++;
          else if (row.to_status === 'LAPSED') report.lapsed++;
          else if (row.to_status === 'CANCELLED') report.cancelled++;
          const event = membershipEventFor(null, row.to_status);
          if (event) await this.domainEvents.record(manager, event, membershipEventData({ id: row.id, userId: row.user_id, tierId: row.tier_id }, row.to_status));
        }
        for (const row of await this.addressed(manager, rows)) {
          if (row.to_status === 'LAPSED' && (await this.sendLapseNotice(manager, row))) report.lapseNotices++;
          if (row.to_status === 'GRACE') await this.sendGraceNotice(manager, row);
        }
        return rows.length;
      });
      if (moved === 0) break;
    }
    report.remindersSent = await this.sendReminders(now);
    return report;
  }

  private endCancelled(manager: EntityManager, now: Date): Promise<MovedRow[]> {
    return this.move(manager, now, {
      from: 'ACTIVE',
      due: `m.status = 'ACTIVE' AND m.cancelled_at IS NOT NULL AND m.current_period_end <= $1`,
      to: `'CANCELLED'`,
      set: '',
      reason: 'cancelled membership reached its period end',
    });
  }

  private endPeriods(manager: EntityManager, now: Date): Promise<MovedRow[]> {
    return this.move(manager, now, {
      from: 'ACTIVE',
      due: `m.status = 'ACTIVE' AND m.cancelled_at IS NULL AND m.current_period_end <= $1`,
      to: `CASE WHEN t.grace_period_days > 0 AND m.current_period_end + make_interval(days => t.grace_period_days) > $1 THEN 'GRACE' ELSE 'LAPSED' END`,
      set: `, grace_ends_at = m.current_period_end + make_interval(days => t.grace_period_days)`,
      reason: 'period ended without renewal',
    });
  }

  private endGrace(manager: EntityManager, now: Date): Promise<MovedRow[]> {
    return this.move(manager, now, {
      from: 'GRACE',
      due: `m.status = 'GRACE' AND coalesce(m.grace_ends_at, m.current_period_end) <= $1`,
      to: `'LAPSED'`,
      set: '',
      reason: 'grace period ended without renewal',
    });
  }

  /** One statement: pick due rows (skipping ones another worker holds), move them, record history. */
  private async move(manager: EntityManager, now: Date, step: { from: string; due: string; to: string; set: string; reason: string }): Promise<MovedRow[]> {
    return manager.query(
      `WITH due AS (
         SELECT m.id FROM memberships m WHERE ${step.due} ORDER BY m.current_period_end LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
       ), moved AS (
         UPDATE memberships m SET status = ${step.to}, updated_at = now() ${step.set}
           FROM due, membership_tiers t
          WHERE m.id = due.id AND t.id = m.tier_id AND ${step.due}
         RETURNING m.id, m.user_id, m.tier_id, m.status AS to_status, m.current_period_end, m.grace_ends_at, t.name AS tier_name
       ), history AS (
         INSERT INTO membership_status_changes (membership_id, from_status, to_status, actor_id, reason)
         SELECT moved.id, $2::text, moved.to_status, NULL, $3::text FROM moved
       )
       SELECT moved.* FROM moved`,
      [now, step.from, step.reason],
    );
  }

  private async sendLapseNotice(manager: EntityManager, row: AddressedRow): Promise<boolean> {
    return this.outbox.enqueue(manager, {
      to: row.email,
      recipientUserId: row.user_id,
      template: 'membership-lapsed',
      subject: `Your ${row.tier_name} membership has lapsed`,
      text: `Dear ${row.full_name},\n\nYour ${row.tier_name} membership has lapsed. Renew any time to restore your member benefits.`,
      dedupeKey: `membership-lapsed:${row.id}:${row.current_period_end?.toISOString() ?? 'none'}`,
    });
  }

  private async sendGraceNotice(manager: EntityManager, row: AddressedRow): Promise<void> {
    await this.outbox.enqueue(manager, {
      to: row.email,
      recipientUserId: row.user_id,
      template: 'membership-grace',
      subject: `Your ${row.tier_name} membership is due for renewal`,
      text: `Dear ${row.full_name},\n\nYour ${row.tier_name} membership period has ended. You remain a member in good standing until ${row.grace_ends_at?.toISOString().slice(0, 10)}; renew before then to keep your benefits.`,
      dedupeKey: `membership-grace:${row.id}:${row.current_period_end?.toISOString() ?? 'none'}`,
    });
  }

  /** Reminders for ACTIVE memberships whose period ends within 30 (then 7) days; once per period each. */
  private async sendReminders(now: Date): Promise<number> {
    let sent = 0;
    for (const days of REMINDER_DAYS) {
      let afterId = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const due: Array<MovedRow & { auto_renew: boolean }> = await this.dataSource.query(
          `SELECT m.id, m.user_id, m.status AS to_status, m.current_period_end, m.grace_ends_at, m.auto_renew,
                  t.name AS tier_name
             FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id
            WHERE m.status = 'ACTIVE' AND m.cancelled_at IS NULL
              AND m.current_period_end > $1 AND m.current_period_end <= $1 + make_interval(days => $2)
              AND m.id > $3
            ORDER BY m.id LIMIT ${BATCH}`,
          [now, days, afterId],
        );
        if (!due.length) break;
        afterId = due[due.length - 1].id;
        await this.dataSource.transaction(async (manager) => {
          for (const row of await this.addressed(manager, due)) {
            const end = row.current_period_end!.toISOString();
            const wrote = await this.outbox.enqueue(manager, {
              to: row.email,
              recipientUserId: row.user_id,
              template: `membership-renewal-reminder-${days}`,
              subject: `Your ${row.tier_name} membership ${row.auto_renew ? 'renews' : 'ends'} on ${end.slice(0, 10)}`,
              text: row.auto_renew
                ? `Dear ${row.full_name},\n\nYour ${row.tier_name} membership renews automatically on ${end.slice(0, 10)}.`
                : `Dear ${row.full_name},\n\nYour ${row.tier_name} membership ends on ${end.slice(0, 10)}. Renew to stay a member in good standing.`,
              dedupeKey: `membership-renewal-reminder:${days}:${row.id}:${end}`,
            });
            if (wrote) sent++;
          }
        });
      }
    }
    return sent;
  }
}
