import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeTimeIdCursor, rowListJson, type RowListJson } from '../../core/src/index.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';

export interface NewMeeting {
  groupId: string;
  occurrenceDate: string;
  startsAt: Date;
  endsAt: Date;
  /**
   * The group's `updatedAt` when its schedule was read. When given, the row is written only if the
   * group is still at that version (checked under a share lock, so a change of rhythm or an archiving
   * in progress is waited for): a stale reader never writes meetings of an old schedule.
   * Omitted inside a transaction that holds the group lock already.
   */
  version?: Date | null;
}

/** Columns as the entity names them, for raw statements that return meetings. */
const MEETING_COLUMNS = `m.id, m.group_id AS "groupId", m.occurrence_date::text AS "occurrenceDate", m.starts_at AS "startsAt",
  m.ends_at AS "endsAt", m.status, m.moved, m.notes, m.notes_updated_by AS "notesUpdatedBy", m.notes_updated_at AS "notesUpdatedAt",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

/** What a listed meeting is made of (GroupMeeting.from): the row without its bookkeeping timestamps. */
export type MeetingRow = Pick<GroupMeetingEntity, 'id' | 'groupId' | 'occurrenceDate' | 'startsAt' | 'endsAt' | 'status' | 'moved' | 'notes'>;

/** The MeetingRow columns, for raw statements over `group_meetings m` (timestamps nobody reads are not parsed). */
const MEETING_ROW_COLUMNS = `m.id, m.group_id AS "groupId", m.occurrence_date::text AS "occurrenceDate", m.starts_at AS "startsAt",
  m.ends_at AS "endsAt", m.status, m.moved, m.notes`;

/**
 * A study group's current meetings as `currentByGroupIds` reads them (not ended, or dated from the day before today in
 * the group's zone; cancelled ones too), as a JSON list inside a statement over `study_groups g`, at the database's
 * `now()`: rows read a moment before the caller's own now are a superset of what it needs then (see
 * MeetingSeriesService.upcoming).
 */
export const CURRENT_MEETINGS_OF_GROUP: RowListJson<MeetingRow> = rowListJson<MeetingRow>(
  {
    table: 'group_meetings',
    keyColumn: 'group_id',
    columns: { id: 'c.id', groupId: 'c.group_id', occurrenceDate: 'c.occurrence_date::text', startsAt: 'c.starts_at', endsAt: 'c.ends_at', status: 'c.status', moved: 'c.moved', notes: 'c.notes' },
    where: `c.ends_at > now() OR c.occurrence_date >= ((now() AT TIME ZONE g.timezone)::date - 1)`,
  },
  'g.id',
  ['startsAt', 'endsAt'],
  [],
  { parentKeyAs: 'groupId' },
);

@Injectable()
export class GroupMeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(GroupMeetingEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<GroupMeetingEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<Array<GroupMeetingEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('m').where('m.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  lockById(manager: EntityManager, id: string): Promise<GroupMeetingEntity | null> {
    return this.repo(manager).createQueryBuilder('m').where('m.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  save(manager: EntityManager, meeting: GroupMeetingEntity): Promise<GroupMeetingEntity> {
    return this.repo(manager).save(meeting);
  }

  /** Writes meetings that do not exist yet; (group, occurrence date) is unique, so this is idempotent. */
  async materialise(manager: EntityManager | undefined, meetings: NewMeeting[]): Promise<number> {
    if (!meetings.length) return 0;
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO group_meetings (group_id, occurrence_date, starts_at, ends_at)
       SELECT x.group_id, x.occurrence_date, x.starts_at, x.ends_at
         FROM unnest($1::uuid[], $2::date[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS x(group_id, occurrence_date, starts_at, ends_at, version)
        WHERE x.version IS NULL
           OR EXISTS (SELECT 1 FROM study_groups g WHERE g.id = x.group_id AND g.updated_at = x.version AND g.status <> 'ARCHIVED' FOR SHARE)
       ON CONFLICT (group_id, occurrence_date) DO NOTHING
       RETURNING id`,
      [
        meetings.map((m) => m.groupId),
        meetings.map((m) => m.occurrenceDate),
        meetings.map((m) => m.startsAt),
        meetings.map((m) => m.endsAt),
        meetings.map((m) => m.version ?? null),
      ],
    );
    return rows.length;
  }

  /** The rows of these (group, occurrence date) pairs, as they are now. */
  byOccurrences(pairs: Array<{ groupId: string; occurrenceDate: string }>): Promise<MeetingRow[]> {
    if (!pairs.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${MEETING_ROW_COLUMNS} FROM group_meetings m
         JOIN unnest($1::uuid[], $2::date[]) AS p(group_id, occurrence_date) ON p.group_id = m.group_id AND p.occurrence_date = m.occurrence_date`,
      [pairs.map((p) => p.groupId), pairs.map((p) => p.occurrenceDate)],
    );
  }

  /** Meetings of these groups that have not ended, or whose series date is on or after `fromDate` (cancelled ones too). */
  currentByGroupIds(groupIds: readonly string[], now: Date, fromDate: string): Promise<MeetingRow[]> {
    return this.dataSource.query(
      `SELECT ${MEETING_ROW_COLUMNS} FROM group_meetings m
        WHERE m.group_id = ANY($1) AND (m.ends_at > $2 OR m.occurrence_date >= $3::date)`,
      [groupIds, now, fromDate],
    );
  }

  /** For each group, a page of its meetings in time order (one statement for all groups). */
  async pageByGroupIds(groupIds: readonly string[], first: number, after: string | undefined): Promise<GroupMeetingEntity[][]> {
    const cursor = decodeTimeIdCursor(after);
    const rows: Array<GroupMeetingEntity & { g: string }> = await this.dataSource.query(
      `SELECT g.id AS g, page.* FROM unnest($1::uuid[]) AS g(id)
       CROSS JOIN LATERAL (
         SELECT ${MEETING_COLUMNS} FROM group_meetings m
          WHERE m.group_id = g.id AND ($2::timestamptz IS NULL OR (m.starts_at, m.id) > ($2::timestamptz, $3::uuid))
          ORDER BY m.starts_at, m.id LIMIT $4
       ) page`,
      [groupIds, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const grouped = new Map<string, GroupMeetingEntity[]>(groupIds.map((id) => [id, []]));
    for (const { g, ...row } of rows) grouped.get(g)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }

  /** A page of each group's meetings that have started by `now` (cancelled ones left out), newest first. */
  async pastPageByGroupIds(groupIds: readonly string[], first: number, after: string | undefined, now: Date): Promise<GroupMeetingEntity[][]> {
    const cursor = decodeTimeIdCursor(after);
    const rows: Array<GroupMeetingEntity & { g: string }> = await this.dataSource.query(
      `SELECT g.id AS g, page.* FROM unnest($1::uuid[]) AS g(id)
       CROSS JOIN LATERAL (
         SELECT ${MEETING_COLUMNS} FROM group_meetings m
          WHERE m.group_id = g.id AND m.status = 'SCHEDULED' AND m.starts_at <= $5
            AND ($2::timestamptz IS NULL OR (m.starts_at, m.id) < ($2::timestamptz, $3::uuid))
          ORDER BY m.starts_at DESC, m.id DESC LIMIT $4
       ) page`,
      [groupIds, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1, now],
    );
    const grouped = new Map<string, GroupMeetingEntity[]>(groupIds.map((id) => [id, []]));
    for (const { g, ...row } of rows) grouped.get(g)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }

  async pastCountsByGroupIds(groupIds: readonly string[], now: Date): Promise<number[]> {
    const rows: Array<{ group_id: string; n: number }> = await this.dataSource.query(
      `SELECT group_id, count(*)::int AS n FROM group_meetings WHERE group_id = ANY($1) AND status = 'SCHEDULED' AND starts_at <= $2 GROUP BY group_id`,
      [groupIds, now],
    );
    const counts = new Map(rows.map((r) => [r.group_id, r.n]));
    return groupIds.map((id) => counts.get(id) ?? 0);
  }

  async countsByGroupIds(groupIds: readonly string[]): Promise<number[]> {
    const rows: Array<{ group_id: string; n: number }> = await this.dataSource.query(
      `SELECT group_id, count(*)::int AS n FROM group_meetings WHERE group_id = ANY($1) GROUP BY group_id`,
      [groupIds],
    );
    const counts = new Map(rows.map((r) => [r.group_id, r.n]));
    return groupIds.map((id) => counts.get(id) ?? 0);
  }

  /** Drops the meetings that have not started (a new rhythm replaces them; their roles go with them). */
  async deleteNotStarted(manager: EntityManager, groupId: string, now: Date): Promise<void> {
    await manager.query(`DELETE FROM group_meetings WHERE group_id = $1 AND starts_at > $2`, [groupId, now]);
  }

  /** Meetings that differ from the series: cancelled or moved (for the .ics). */
  exceptions(groupId: string): Promise<GroupMeetingEntity[]> {
    return this.dataSource.query(
      `SELECT ${MEETING_COLUMNS} FROM group_meetings m WHERE m.group_id = $1 AND (m.status = 'CANCELLED' OR m.moved) ORDER BY m.occurrence_date`,
      [groupId],
    );
  }

  /** Scheduled meetings starting in (now, until] of groups that still meet, with fewer holders than the group has roles. */
  needingRoles(now: Date, until: Date, limit: number): Promise<Array<{ id: string; groupId: string }>> {
    return this.dataSource.query(
      `SELECT m.id, m.group_id AS "groupId" FROM group_meetings m JOIN study_groups g ON g.id = m.group_id
        WHERE m.status = 'SCHEDULED' AND m.starts_at > $1 AND m.starts_at <= $2 AND g.status <> 'ARCHIVED'
          AND (SELECT count(*) FROM meeting_role_assignments a WHERE a.meeting_id = m.id)
            < (SELECT count(*) FROM study_group_roles r WHERE r.group_id = m.group_id)
        ORDER BY m.starts_at, m.id LIMIT $3`,
      [now, until, limit],
    );
  }
}
