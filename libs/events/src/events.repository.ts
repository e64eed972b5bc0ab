import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, type KeyedRowsSpec, lazy, pageSize, rememberedByKey, rowFieldsAsked, type RowJoin, rowListJson, rowListsByKey, toConnection, decodeTimeIdCursor } from '../../core/src/index.js';
import { EventSessionEntity } from './entities/event-session.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { EventKind, EventStatus } from './events.enums.js';
import { viewerRegistrationJoin, withViewerKeys } from './registrations.repository.js';
import { returning } from './sql.js';
import { EVENT_ROW_COLUMNS } from './event-row-columns.js';
import { type EventRow } from './types/event.type.js';
import { type RegistrationRow } from './types/registration.type.js';

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

/** What a list of events reads with each event, in its own statement (as the request's fields ask). */
export interface EventListParts {
  /** The EventRow columns read (with `id` and `startsAt`); all of them when omitted. The others are left unset. */
  columns?: ReadonlyArray<keyof EventRow>;
  /** Each event's sessions (`Event.sessions`): every field, or only `sessionFields`. */
  sessions?: boolean;
  /** Only these session fields (`sessionFieldsAsked`); undefined: every one. */
  sessionFields?: readonly SessionField[];
  /** This person's registration of each event, live else latest (`Event.myRegistration`). */
  viewerRegistrationOf?: string;
  /** Only the registration's lean columns (`EventParts.viewerRegistrationLean`). */
  viewerRegistrationLean?: boolean;
}

/** An event of a list, with what was read with it (as its EventListParts asked): its sessions, and the viewer's registration (undefined: none). */
export type EventListRow = EventRow & { sessions?: EventSessionRow[]; viewerRegistration?: RegistrationRow | undefined };

const eventRowSelect = (columns: ReadonlyArray<keyof EventRow>) => columns.map((key) => `e.${EVENT_ROW_COLUMNS[key]} AS "${key}"`).join(', ');
const EVENT_ROW_SELECT = eventRowSelect(Object.keys(EVENT_ROW_COLUMNS) as Array<keyof EventRow>);
/** The select list of each column list a request asked (the same list object for each request of a document). */
const selectsByColumns = new WeakMap<ReadonlyArray<keyof EventRow>, string>();
function selectOf(columns: ReadonlyArray<keyof EventRow> | undefined): string {
  if (!columns) return EVENT_ROW_SELECT;
  let select = selectsByColumns.get(columns);
  if (select === undefined) selectsByColumns.set(columns, (select = eventRowSelect(['id', 'startsAt', ...columns.filter((c) => c !== 'id' && c !== 'startsAt')])));
  return select;
}

/** The viewer's registration joined to a list's `events e` (registrations' join), by the parameter holding the viewer's id; every column, or the lean ones. */
const registrationJoins = new Map<string, RowJoin<RegistrationRow>>();
function registrationJoin(userIdParam: string, lean: boolean): RowJoin<RegistrationRow> {
  const key = `${userIdParam}${lean ? ' lean' : ''}`;
  let join = registrationJoins.get(key);
  if (!join) registrationJoins.set(key, (join = viewerRegistrationJoin('r', 'e.id', userIdParam, lean)));
  return join;
}

/** An EventSession's fields (the GraphQL type's) → SQL over `event_sessions c`; `eventId` is the row's key, not a field. */
const SESSION_FIELD_SQL = {
  id: 'c.id', title: 'c.title', startsAt: 'c.starts_at', endsAt: 'c.ends_at', ceCredits: 'c.ce_credits::float8', ceCategory: 'c.ce_category',
} satisfies Record<Exclude<keyof EventSessionRow, 'eventId'>, string>;
export type SessionField = keyof typeof SESSION_FIELD_SQL;
const SESSION_FIELDS = Object.keys(SESSION_FIELD_SQL) as SessionField[];
const SESSION_TIMES: readonly SessionField[] = ['startsAt', 'endsAt'];

/**
 * The EventSession fields a selection reads (`asked`: the names under `sessions`), always with `id`; every field when
 * one is a field this list does not know (an allow-list: it can only read too much).
 */
export function sessionFieldsAsked(asked: ReadonlySet<string>): readonly SessionField[] {
  return rowFieldsAsked(asked, SESSION_FIELDS, ['id']);
}

/** Each event's sessions with `fields` (every one when omitted): the rows and order for a batch, and the same as JSON in a list's statement over `events e`; built once per list of fields. */
const sessionsOfEvent = rememberedByKey(
  (fields: readonly SessionField[] = SESSION_FIELDS) => fields.join(','),
  (fields: readonly SessionField[] = SESSION_FIELDS) => {
    const spec: KeyedRowsSpec = {
      table: 'event_sessions',
      keyColumn: 'event_id',
      columns: { eventId: 'c.event_id', ...Object.fromEntries(fields.map((field) => [field, SESSION_FIELD_SQL[field]])) },
      orderBy: 'c.starts_at, c.id',
    };
    return { spec, json: rowListJson<EventSessionRow>(spec, 'e.id', SESSION_TIMES.filter((field) => fields.includes(field)), [], { parentKeyAs: 'eventId' }) };
  },
);

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

  /** `lockById` for the event of a registration, in one statement (null when there is no such registration). */
  lockByRegistrationId(manager: EntityManager, registrationId: string): Promise<EventEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('e')
      .where('e.id = (SELECT r.event_id FROM event_registrations r WHERE r.id = :registrationId)', { registrationId })
      .setLock('pessimistic_write')
      .getOne();
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

  /**
   * Keyset-paged on (starts_at, id), soonest first, as plain rows; one statement per page (and one more for totalCount
   * when asked). With `include`, each event's sessions and the viewer's registration come in the same statement.
   */
  async list(options: EventListOptions, include: EventListParts = {}): Promise<ConnectionShape<EventListRow>> {
    const first = pageSize(options.first);
    const params: unknown[] = [options.statuses];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['e.status = ANY($1::text[])'];
    if (options.from) where.push(`e.ends_at > ${param(options.from)}`);
    if (options.to) where.push(`e.starts_at < ${param(options.to)}`);
    if (options.kind) where.push(`e.kind = ${param(options.kind)}`);
    for (const word of (options.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      const pattern = param(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(e.title ILIKE ${pattern} OR e.description ILIKE ${pattern})`);
    }
    const filter = where.join(' AND ');
    const filterParams = [...params];
    const after = decodeTimeIdCursor(options.after);
    if (after) where.push(`(e.starts_at, e.id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const limit = param(first + 1);
    const registration = include.viewerRegistrationOf ? registrationJoin(param(include.viewerRegistrationOf), include.viewerRegistrationLean ?? false) : undefined;
    const sessions = include.sessions ? sessionsOfEvent(include.sessionFields).json : undefined;
    const rows: Array<EventListRow & Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${selectOf(include.columns)}${sessions ? `, ${sessions.sql} AS "sessions"` : ''}${registration ? `, ${registration.select}` : ''}
         FROM (SELECT * FROM events e WHERE ${where.join(' AND ')} ORDER BY e.starts_at, e.id LIMIT ${limit}) e
         ${registration?.join ?? ''}
        ORDER BY e.starts_at, e.id`,
      params,
    );
    for (const row of rows) {
      if (sessions) row.sessions = sessions.read(row.sessions, row.id);
      if (registration) {
        const found = registration.read(row);
        row.viewerRegistration = include.viewerRegistrationLean ? withViewerKeys(found, row.id, include.viewerRegistrationOf!) : found;
      }
    }
    const count = async () => {
      const [{ n }]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM events e WHERE ${filter}`, filterParams);
      return n;
    };
    return toConnection(rows, first, (r) => [r.startsAt.toISOString(), r.id], lazy(count));
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

  /** Each event's sessions by start, as plain rows (every field, or only `fields`); one statement for a page of events. */
  sessionsByEventIds(ids: readonly string[], manager?: EntityManager, fields?: readonly SessionField[]): Promise<EventSessionRow[][]> {
    return rowListsByKey<EventSessionRow>(manager ?? this.dataSource, sessionsOfEvent(fields).spec, ids);
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
