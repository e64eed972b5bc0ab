import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { checkJoinIdentifiers, type ChildListSpec, ConnectionShape, countsPerParent, joinedReader, lazy, pageSize, pagesPerParent, type RowJoin, toConnection, decodeTimeIdCursor } from '../../core/src/index.js';
import { eventBesideFor, type RegistrantParts, registrantJoins, type RegistrationWithRegistrant, withRegistrant } from './registration-row-joins.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { LIVE_STATUSES, RegistrationStatus, sqlList } from './events.enums.js';
import { type EventRow } from './types/event.type.js';
import { type RegistrationRow } from './types/registration.type.js';

export { type RegistrantParts, registrantsCarried, type RegistrationWithRegistrant } from './registration-row-joins.js';

/** Who is registering, and what they pay: the tier discount of a membership in good standing (null: not a member). */
export interface Registrant {
  id: string;
  email: string;
  fullName: string;
  discountPercent: number | null;
}

export interface RegistrationListOptions {
  first?: number;
  after?: string;
}

/** Every column of a plain RegistrationRow (field → SQL over `event_registrations c`). */
const REGISTRATION_ROW_COLUMNS: Readonly<Record<keyof RegistrationRow, string>> = {
  id: 'c.id',
  eventId: 'c.event_id',
  userId: 'c.user_id',
  status: 'c.status',
  priceAmount: 'c.price_amount',
  priceCurrency: 'c.price_currency',
  waitlistSeq: 'c.waitlist_seq',
  checkoutUrl: 'c.checkout_url',
  checkInCode: 'c.check_in_code',
  holdExpiresAt: 'c.hold_expires_at',
  offerExpiresAt: 'c.offer_expires_at',
  endReason: 'c.end_reason',
  confirmedAt: 'c.confirmed_at',
  cancelledAt: 'c.cancelled_at',
  createdAt: 'c.created_at',
};

/**
 * The columns every listed registration is read with: its identity, owner (the guards), event, status and the
 * list's keyset. A list whose selection asks for no other Registration field reads only these; the other fields
 * of its rows are then undefined, and never resolved (see `RegistrantParts.details`).
 */
const LEAN_FIELDS = ['id', 'eventId', 'userId', 'status', 'createdAt'] as const satisfies ReadonlyArray<keyof RegistrationRow>;
const LEAN_ROW_COLUMNS = Object.fromEntries(LEAN_FIELDS.map((field) => [field, REGISTRATION_ROW_COLUMNS[field]]));

/** An event's registrations in the order they were made, as the plain rows a Registration needs (all columns, or the lean ones). */
const REGISTRATIONS_OF_EVENT: ChildListSpec = { table: 'event_registrations', parentColumn: 'event_id', columns: REGISTRATION_ROW_COLUMNS, keyset: ['created_at', 'id'] };
const LEAN_REGISTRATIONS_OF_EVENT: ChildListSpec = { ...REGISTRATIONS_OF_EVENT, columns: LEAN_ROW_COLUMNS };

const selectList = (columns: Readonly<Record<string, string>>) =>
  Object.entries(columns)
    .map(([key, sql]) => `${sql} AS "${key}"`)
    .join(', ');
/** The select list of a plain RegistrationRow over `event_registrations c`: every column, or the lean ones. */
const REGISTRATION_COLUMNS = selectList(REGISTRATION_ROW_COLUMNS);
const LEAN_REGISTRATION_COLUMNS = selectList(LEAN_ROW_COLUMNS);

/**
 * The registration of `userIdParam` for each event row of the caller's statement (`eventIdSql`): the live one, else the
 * latest (as `forUserByEventIds` reads it), at most one, outputs named `<alias>.<field>`; `lean`: only the lean columns
 * (LEAN_FIELDS), for a selection that asks no other (`leanRegistrationAsked`), and of those not the event's and the
 * person's ids: the caller has both (its event row, the viewer) and sets them on what `read` gives (`withViewerKeys`).
 */
export function viewerRegistrationJoin(alias: string, eventIdSql: string, userIdParam: string, lean = false): RowJoin<RegistrationRow> {
  checkJoinIdentifiers('viewerRegistrationJoin', alias, eventIdSql);
  if (!/^\$[0-9]+$/.test(userIdParam)) throw new Error(`viewerRegistrationJoin: "${userIdParam}" is not a parameter`);
  const fields = lean ? LEAN_FIELDS.filter((field) => field !== 'eventId' && field !== 'userId') : Object.keys(REGISTRATION_ROW_COLUMNS);
  return {
    alias,
    join: `LEFT JOIN LATERAL (SELECT ${lean ? LEAN_REGISTRATION_COLUMNS : REGISTRATION_COLUMNS} FROM event_registrations c WHERE c.user_id = ${userIdParam}::uuid AND c.event_id = ${eventIdSql}
             ORDER BY (c.status IN (${sqlList(LIVE_STATUSES)})) DESC, c.created_at DESC LIMIT 1) ${alias} ON true`,
    select: fields.map((field) => `${alias}."${field}" AS "${alias}.${field}"`).join(', '),
    read: joinedReader<RegistrationRow>(alias, fields, 'id'),
  };
}

/** A lean `viewerRegistrationJoin` row with the event's and the person's ids its statement did not send (none stays none). */
export function withViewerKeys(registration: RegistrationRow | undefined, eventId: string, userId: string): RegistrationRow | undefined {
  if (registration) {
    registration.eventId = eventId;
    registration.userId = userId;
  }
  return registration;
}

/** A person's registration with its event, read in the same statement. */
export type RegistrationWithEvent = RegistrationRow & { event: EventRow };

/** Every query on registrations. */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RegistrationEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<RegistrationEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<RegistrationEntity | null> {
    return this.repo(manager).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findByCheckInCode(code: string): Promise<RegistrationEntity | null> {
    return this.repo().findOneBy({ checkInCode: code });
  }

  findByCheckoutSession(sessionId: string, manager?: EntityManager): Promise<RegistrationEntity | null> {
    return this.repo(manager).findOneBy({ checkoutSessionId: sessionId });
  }

  findLive(manager: EntityManager | undefined, eventId: string, userId: string): Promise<RegistrationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId AND r.user_id = :userId', { eventId, userId })
      .andWhere('r.status IN (:...live)', { live: LIVE_STATUSES })
      .getOne();
  }

  insert(manager: EntityManager, registration: Partial<RegistrationEntity>): Promise<RegistrationEntity> {
    return this.repo(manager).save(this.repo(manager).create(registration));
  }

  save(manager: EntityManager, registration: RegistrationEntity): Promise<RegistrationEntity> {
    return this.repo(manager).save(registration);
  }

  /**
   * A held seat paid in time (the caller holds the locks): CONFIRMED at `at`, the hold and its payment page cleared,
   * written onto `registration` too. One UPDATE (`save` reads the row again first to find what changed).
   */
  async confirmPaid(manager: EntityManager, registration: RegistrationEntity, at: Date): Promise<void> {
    const [row]: Array<{ updatedAt: Date }> = await manager.query(
      `UPDATE event_registrations SET status = $2, confirmed_at = $3, hold_expires_at = NULL, offer_expires_at = NULL, checkout_url = NULL, updated_at = now()
        WHERE id = $1 RETURNING updated_at AS "updatedAt"`,
      [registration.id, RegistrationStatus.CONFIRMED, at],
    );
    Object.assign(registration, { status: RegistrationStatus.CONFIRMED, confirmedAt: at, holdExpiresAt: null, offerExpiresAt: null, checkoutUrl: null, updatedAt: row.updatedAt });
  }

  /** The head of the queue, locked (the caller holds the event lock). */
  nextWaitlisted(manager: EntityManager, eventId: string): Promise<RegistrationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId AND r.status = :status', { eventId, status: RegistrationStatus.WAITLISTED })
      .orderBy('r.waitlist_seq', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Every live registration of an event, locked (cancelling the event). */
  async lockLiveForEvent(manager: EntityManager, eventId: string): Promise<RegistrationEntity[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId AND r.status IN (:...live)', { eventId, live: LIVE_STATUSES })
      .orderBy('r.created_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    return rows;
  }

  /** Live registrations of an event, counted by status (one statement). */
  async liveCountsByStatus(eventId: string): Promise<Map<RegistrationStatus, number>> {
    const rows: Array<{ status: RegistrationStatus; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND status = ANY($2) GROUP BY status`,
      [eventId, LIVE_STATUSES],
    );
    return new Map(rows.map((r) => [r.status, r.n]));
  }

  async findByIds(ids: readonly string[]): Promise<Array<RegistrationEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** For each event: this person's live registration, or else their latest one. */
  async forUserByEventIds(userId: string, eventIds: readonly string[], lean = false): Promise<Array<RegistrationRow | undefined>> {
    if (lean) {
      const rows: RegistrationRow[] = await this.dataSource.query(
        `SELECT DISTINCT ON (c.event_id) ${LEAN_REGISTRATION_COLUMNS} FROM event_registrations c WHERE c.user_id = $1 AND c.event_id = ANY($2::uuid[])
          ORDER BY c.event_id, (c.status IN (${sqlList(LIVE_STATUSES)})) DESC, c.created_at DESC`,
        [userId, eventIds],
      );
      const byEvent = new Map(rows.map((r) => [r.eventId, r]));
      return eventIds.map((id) => byEvent.get(id));
    }
    const rows = await this.repo()
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT DISTINCT ON (x.event_id) x.id FROM event_registrations x WHERE x.user_id = :userId AND x.event_id = ANY(:eventIds)
                  ORDER BY x.event_id, (x.status IN (${sqlList(LIVE_STATUSES)})) DESC, x.created_at DESC)`,
        { userId, eventIds },
      )
      .getMany();
    const byEvent = new Map(rows.map((r) => [r.eventId, r]));
    return eventIds.map((id) => byEvent.get(id));
  }

  /** Everyone who ever registered for the event (any status), once each: the people a name search looks among. */
  async userIdsOfEvent(eventId: string): Promise<string[]> {
    const rows: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT DISTINCT user_id AS "userId" FROM event_registrations WHERE event_id = $1`,
      [eventId],
    );
    return rows.map((r) => r.userId);
  }

  /** Each person's registration for the event (live, else latest), in the order of `userIds`; one statement. */
  async forEventByUserIds(eventId: string, userIds: readonly string[]): Promise<Array<RegistrationEntity | undefined>> {
    if (!userIds.length) return [];
    const rows = await this.repo()
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT DISTINCT ON (x.user_id) x.id FROM event_registrations x WHERE x.event_id = :eventId AND x.user_id = ANY(:userIds)
                  ORDER BY x.user_id, (x.status IN (${sqlList(LIVE_STATUSES)})) DESC, x.created_at DESC)`,
        { eventId, userIds },
      )
      .getMany();
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return userIds.map((id) => byUser.get(id));
  }

  /** Waitlist positions (1 = next) of the given registrations; one statement for a page. */
  async waitlistPositions(ids: readonly string[]): Promise<Array<number | null>> {
    const rows: Array<{ id: string; position: number }> = await this.dataSource.query(
      `SELECT mine.id, (SELECT count(*)::int FROM event_registrations w
                         WHERE w.event_id = mine.event_id AND w.status = 'WAITLISTED' AND w.waitlist_seq <= mine.waitlist_seq) AS position
         FROM event_registrations mine WHERE mine.id = ANY($1) AND mine.status = 'WAITLISTED'`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r.position]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * A person's registrations by event start, keyset-paged on (starts_at, id), each with its event: every column (the
   * request's event loader may be primed with it), or only `eventFields` (it must then stay with its row); the
   * registration's own columns as `details` asks.
   */
  async listForUser(
    userId: string,
    upcoming: boolean | undefined,
    options: RegistrationListOptions,
    details = true,
    eventFields?: ReadonlyArray<keyof EventRow>,
  ): Promise<ConnectionShape<RegistrationWithEvent>> {
    const event = eventBesideFor(eventFields);
    const first = pageSize(options.first);
    // Plain rows (no entity hydration), each with its event: the event field then needs no statement of its own.
    const params: unknown[] = [userId];
    const conditions = ['c.user_id = $1'];
    if (upcoming === true) conditions.push('e.ends_at > now()');
    if (upcoming === false) conditions.push('e.ends_at <= now()');
    const from = `FROM event_registrations c JOIN events e ON e.id = c.event_id WHERE ${conditions.join(' AND ')}`;
    const pageParams = [...params, first + 1];
    const after = decodeTimeIdCursor(options.after);
    let keyset = '';
    if (after) {
      pageParams.push(after[0], after[1]);
      keyset = ' AND (e.starts_at, c.id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${details ? REGISTRATION_COLUMNS : LEAN_REGISTRATION_COLUMNS}, ${event.select} ${from}${keyset} ORDER BY e.starts_at, c.id LIMIT $2`,
      pageParams,
    );
    for (const row of rows) row.event = event.read(row);
    const registrations = rows as unknown as RegistrationWithEvent[];
    return toConnection(registrations, first, (r) => [r.event.startsAt.toISOString(), r.id], lazy(() => this.count(from, params)));
  }

  /** An event's registrations in the order they were made, keyset-paged on (created_at, id), each with the `parts` asked for. */
  async listForEvent(
    eventId: string,
    status: RegistrationStatus | undefined,
    options: RegistrationListOptions,
    parts: RegistrantParts,
  ): Promise<ConnectionShape<RegistrationWithRegistrant>> {
    const first = pageSize(options.first);
    // Plain rows (no entity hydration), the same columns the nested lists read, each with the registrant parts asked for.
    const params: unknown[] = [eventId];
    const conditions = ['c.event_id = $1'];
    if (status) {
      params.push(status);
      conditions.push(`c.status = $${params.length}`);
    }
    const from = `FROM event_registrations c WHERE ${conditions.join(' AND ')}`;
    const pageParams = [...params, first + 1];
    const limit = `$${pageParams.length}`;
    const after = this.cursor(options.after);
    if (after) {
      pageParams.push(after.at, after.id);
      conditions.push(`(c.created_at, c.id) > ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`);
    }
    const joins = registrantJoins(parts);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${[parts.details ? REGISTRATION_COLUMNS : LEAN_REGISTRATION_COLUMNS, ...joins.map((j) => j.select)].join(', ')} FROM event_registrations c ${joins.map((j) => j.join).join(' ')}
        WHERE ${conditions.join(' AND ')} ORDER BY c.created_at, c.id LIMIT ${limit}`,
      pageParams,
    );
    const registrations = rows.map((row) => withRegistrant(row, parts));
    return toConnection(registrations, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => this.count(from, params)));
  }

  /** For each event, up to `limit` registrations in the order they were made, after the cursor, each with the `parts` asked for; one statement for all. */
  async pagesForEvents(eventIds: readonly string[], limit: number, after: readonly [string, string] | undefined, parts: RegistrantParts): Promise<RegistrationWithRegistrant[][]> {
    const spec = parts.details ? REGISTRATIONS_OF_EVENT : LEAN_REGISTRATIONS_OF_EVENT;
    const pages = await pagesPerParent<Record<string, unknown>>(this.dataSource, spec, eventIds, limit, after, registrantJoins(parts));
    for (const page of pages) for (const row of page) withRegistrant(row, parts);
    return pages as unknown as RegistrationWithRegistrant[][];
  }

  /** How many rows `from` (a FROM … WHERE over `event_registrations c`, with its parameters) finds: a list's totalCount. */
  private async count(from: string, params: unknown[]): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n ${from}`, params);
    return row.n;
  }

  countsForEvents(eventIds: readonly string[]): Promise<number[]> {
    return countsPerParent(this.dataSource, REGISTRATIONS_OF_EVENT, eventIds);
  }

  private cursor(after: string | undefined): { at: string; id: string } | undefined {
    const values = decodeTimeIdCursor(after);
    return values && { at: values[0], id: values[1] };
  }

  /** Registrations whose hold or offer ran out, grouped by event by the caller (no locks: each is re-checked under lock). */
  async lapsed(now: Date, limit: number): Promise<Array<{ id: string; eventId: string }>> {
    return this.dataSource.query(
      `(SELECT id, event_id AS "eventId" FROM event_registrations WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= $1 ORDER BY hold_expires_at LIMIT $2)
       UNION ALL
       (SELECT id, event_id AS "eventId" FROM event_registrations WHERE status = 'OFFERED' AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT $2)`,
      [now, limit],
    );
  }

  /** True when this call issued it (a code already issued stays). */
  async issueCertificateCode(manager: EntityManager, registrationId: string, code: string): Promise<boolean> {
    const [, issued]: [unknown[], number] = await manager.query(
      `UPDATE event_registrations SET certificate_code = $2, certificate_issued_at = now() WHERE id = $1 AND certificate_code IS NULL`,
      [registrationId, code],
    );
    return issued > 0;
  }
}
