import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobRegistry } from '../../../core/src/index.js';
import { EventEntity } from '../entities/event.entity.js';
import { RegistrationStatus } from '../events.enums.js';
import { EventMailer } from '../event-mailer.js';
import { EventsRepository } from '../events.repository.js';
import { RegistrantContacts } from '../registrant-contacts.js';
import { RegistrationsRepository } from '../registrations.repository.js';
import { returning } from '../sql.js';
import { WaitlistService } from '../waitlist.service.js';

export const LAPSE_TASK = 'events-lapse-holds';
export const REMINDER_TASK = 'events-reminders';
const BATCH = 200;
const DAY = 86_400_000;

export interface LapseReport {
  lapsed: number;
  promoted: number;
}

/**
 * Time-driven moves: holds and offers that ran out pass their seat on (every minute), reminders
 * the day before (once per registration), and ended events become COMPLETED.
 *
 * Safe with several workers: due rows are found without locks, then each event is locked and each
 * registration re-checked under that lock, so a seat moves once; reminders claim rows with
 * FOR UPDATE SKIP LOCKED and a `reminded_at` mark, and their emails carry dedupe keys.
 */
@Injectable()
export class EventLifecycleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly waitlist: WaitlistService,
    private readonly mailer: EventMailer,
    private readonly jobs: JobRegistry,
    private readonly contacts: RegistrantContacts,
  ) {}

  onModuleInit(): void {
    this.jobs.register(LAPSE_TASK, async () => {
      await this.lapseDue();
    });
    this.jobs.schedule(LAPSE_TASK, '* * * * *');
    this.jobs.register(REMINDER_TASK, async () => {
      await this.sendReminders();
      await this.events.completeEnded(new Date());
    });
    this.jobs.schedule(REMINDER_TASK, '*/15 * * * *');
  }

  async lapseDue(now = new Date()): Promise<LapseReport> {
    const report: LapseReport = { lapsed: 0, promoted: 0 };
    for (;;) {
      const due = await this.registrations.lapsed(now, BATCH);
      if (!due.length) break;
      const byEvent = new Map<string, string[]>();
      for (const row of due) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row.id]);
      let moved = 0;
      for (const [eventId, ids] of byEvent) {
        const result = await this.lapseForEvent(eventId, ids, now);
        moved += result.lapsed;
        report.lapsed += result.lapsed;
        report.promoted += result.promoted;
      }
      if (moved === 0 || due.length < BATCH) break;
    }
    return report;
  }

  private lapseForEvent(eventId: string, ids: string[], now: Date): Promise<LapseReport> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockById(manager, eventId);
      if (!event) return { lapsed: 0, promoted: 0 };
      let lapsed = 0;
      for (const id of ids) {
        const registration = await this.registrations.lockById(manager, id);
        if (!registration) continue;
        const holdOver = registration.status === RegistrationStatus.PENDING_PAYMENT && registration.holdExpiresAt !== null && registration.holdExpiresAt <= now;
        const offerOver = registration.status === RegistrationStatus.OFFERED && registration.offerExpiresAt !== null && registration.offerExpiresAt <= now;
        if (!holdOver && !offerOver) continue; // paid, cancelled or moved by another worker meanwhile
        await this.waitlist.lapse(manager, event, registration, now);
        lapsed++;
      }
      const promoted = await this.waitlist.promote(manager, event, now);
      await this.events.saveCounters(manager, event);
      return { lapsed, promoted: promoted.length };
    });
  }

  /** Confirmed registrants of events starting within the next day: one reminder each, ever. */
  async sendReminders(now = new Date()): Promise<number> {
    let sent = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows = await returning<{ id: string; eventId: string; userId: string }>(
          manager,
          `WITH due AS (
             SELECT r.id FROM event_registrations r JOIN events e ON e.id = r.event_id
              WHERE r.status = 'CONFIRMED' AND r.reminded_at IS NULL AND e.status = 'PUBLISHED'
                AND e.starts_at > $1 AND e.starts_at <= $2
              LIMIT ${BATCH} FOR UPDATE OF r SKIP LOCKED
           ), marked AS (
             UPDATE event_registrations r SET reminded_at = $1 FROM due WHERE r.id = due.id AND r.reminded_at IS NULL
             RETURNING r.id, r.event_id, r.user_id
           )
           SELECT m.id, m.event_id AS "eventId", m.user_id AS "userId" FROM marked m`,
          [now, new Date(now.getTime() + DAY)],
        );
        const events = new Map<string, EventEntity | null>();
        const contacts = await this.contacts.many(manager, rows.map((r) => r.userId));
        for (const row of rows) {
          const contact = contacts.get(row.userId);
          if (!contact) continue;
          if (!events.has(row.eventId)) events.set(row.eventId, await this.events.findById(row.eventId, manager));
          const event = events.get(row.eventId);
          if (event && (await this.mailer.reminder(manager, { userId: row.userId, ...contact }, event, row.id))) sent++;
        }
        return rows.length;
      });
      if (count < BATCH) break;
    }
    return sent;
  }
}
