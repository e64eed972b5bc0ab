import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, type KeyedRowsSpec, lazy, pageSize, rowListsByKey, toConnection, decodeTimeIdCursor } from '../../core/src/index.js';
import { EventSessionEntity } from './entities/event-session.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { EventKind, EventStatus } from './events.enums.js';
import { returning } from './sql.js';

export interface EventListOptions {
  first?: number;
  after?: string;
  from?: Date;
  to?: Date;
  kind?: EventKind;
  search?: string;
  statuses: readonly EventStatus[];
}

export type NewSession = Pick<EventSessionEntity, 'title' | 'startsAt' | 'endsAt' | 'ceCredits' | 'ceCategory'>;

/** A session as a plain row (what EventSession and check-in read). */
export type EventSessionRow = Pick<EventSessionEntity, 'id' | 'eventId' | 'title' | 'startsAt' | 'endsAt' | 'ceCredits' | 'ceCategory'>;

const SESSIONS_OF_EVENT: KeyedRowsSpec = {
  table: 'event_sessions',
  keyColumn: 'event_id',
  columns: { id: 'c.id', eventId: 'c.event_id', title: 'c.title', startsAt: 'c.starts_at', endsAt: 'c.ends_at', ceCredits: 'c.ce_credits::float8', ceCategory: 'c.ce_category' },
  orderBy: 'c.starts_at, c.id',
};

/** Every query on events and their sessions. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EventEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<EventEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The lock every seat decision takes first: one seat-changing transaction per event at a time. */
  lockById(manager: EntityManager, id: string): Promise<EventEntity | null> {
    return this.repo(manager).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async findByIds(ids: readonly string[]): Promise<Array<EventEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('e').where('e.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  insert(manager: EntityManager, event: Partial<EventEntity>): Promise<EventEntity> {
    return this.repo(manager).save(this.repo(manager).create(event));
  }

  save(manager: EntityManager, event: EventEntity): Promise<EventEntity> {
    return this.repo(manager).save(event);
  }

  /** Writes the seat counters (the caller holds the event lock). */
  async saveCounters(manager: EntityManager, event: EventEntity): Promise<void> {
    await manager.query(`UPDATE events SET seats_taken = $2, waitlist_count = $3, waitlist_seq = $4, updated_at = now() WHERE id = $1`, [
      event.id,
      event.seatsTaken,
      event.waitlistCount,
      event.waitlistSeq,
    ]);
  }

  /** Keyset-paged on (starts_at, id), soonest first; one statement per page (and one more for totalCount when asked). */
  async list(options: EventListOptions): Promise<ConnectionShape<EventEntity>> {
    const first = pageSize(options.first);
    const filter = this.repo().createQueryBuilder('e').where('e.status IN (:...statuses)', { statuses: options.statuses });
    if (options.from) filter.andWhere('e.ends_at > :from', { from: options.from });
    if (options.to) filter.andWhere('e.starts_at < :to', { to: options.to });
    if (options.kind) filter.andWhere('e.kind = :kind', { kind: options.kind });
    for (const [index, word] of (options.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8).entries()) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      filter.andWhere(`(e.title ILIKE :w${index} OR e.description ILIKE :w${index})`, { [`w${index}`]: pattern });
    }
    const page = filter.clone();
    const after = decodeTimeIdCursor(options.after);
    if (after) {
      const [at, id] = after;
      page.andWhere('(e.starts_at, e.id) > (:at::timestamptz, :id::uuid)', { at, id });
    }
    const rows = await page.orderBy('e.starts_at', 'ASC').addOrderBy('e.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.startsAt.toISOString(), r.id], lazy(() => filter.getCount()));
  }

  /** Published events for the calendar feed: those not ended more than 30 days ago, soonest first. */
  calendarEvents(limit: number): Promise<EventEntity[]> {
    return this.repo()
      .createQueryBuilder('e')
      .where('e.status IN (:...statuses)', { statuses: [EventStatus.PUBLISHED, EventStatus.COMPLETED] })
      .andWhere(`e.ends_at > now() - interval '30 days'`)
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Each event's sessions by start, as plain rows; one statement for a page of events. */
  sessionsByEventIds(ids: readonly string[], manager?: EntityManager): Promise<EventSessionRow[][]> {
    return rowListsByKey<EventSessionRow>(manager ?? this.dataSource, SESSIONS_OF_EVENT, ids);
  }

  async replaceSessions(manager: EntityManager, eventId: string, sessions: NewSession[]): Promise<void> {
    await manager.query(`DELETE FROM event_sessions WHERE event_id = $1`, [eventId]);
    const repo = manager.getRepository(EventSessionEntity);
    await repo.insert(sessions.map((s) => repo.create({ ...s, eventId })));
  }

  async anyAttendance(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM event_session_attendance a JOIN event_sessions s ON s.id = a.session_id WHERE s.event_id = $1 LIMIT 1`,
      [eventId],
    );
    return rows.length > 0;
  }

  /** Published events that have ended become COMPLETED. */
  async completeEnded(now: Date): Promise<number> {
    const rows = await returning(
      this.dataSource.manager,
      `UPDATE events SET status = 'COMPLETED', revision = revision + 1, updated_at = now() WHERE status = 'PUBLISHED' AND ends_at <= $1 RETURNING id`,
      [now],
    );
    return rows.length;
  }
}
