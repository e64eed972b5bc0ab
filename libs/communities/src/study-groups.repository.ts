import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, type ConnectionShape, decodeCursor, lazy, pageSize, type RowListJson, toConnection, isUuid } from '../../core/src/index.js';
import { GroupStatus } from './community.enums.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { type StudyGroupRow } from './types/study-group.type.js';

/** The most groups `myStudyGroups` lists (a hard cap on an unpaginated list). */
export const MY_GROUPS_LIMIT = 200;

export interface StudyGroupSearch {
  first?: number;
  after?: string;
  search?: string;
  topic?: string;
  status?: GroupStatus;
}

/** The select list of a plain StudyGroupRow over `study_groups g` (dates as YYYY-MM-DD text, as the entity reads them). */
const GROUP_ROW_COLUMNS = Object.entries({
  id: 'g.id', name: 'g.name', topic: 'g.topic', description: 'g.description', visibility: 'g.visibility', capacity: 'g.capacity', status: 'g.status',
  cadence: 'g.cadence', weekday: 'g.weekday', weekOfMonth: 'g.week_of_month', localTime: 'g.local_time', timezone: 'g.timezone',
  durationMinutes: 'g.duration_minutes', startsOn: 'g.starts_on::text', endsOn: 'g.ends_on::text', archivedAt: 'g.archived_at',
  createdAt: 'g.created_at', updatedAt: 'g.updated_at',
} satisfies Record<keyof StudyGroupRow, string>)
  .map(([key, sql]) => `${sql} AS "${key}"`)
  .join(', ');

/** Each JSON list's number, for the key of the statements built (the lists are built once per shape: `rememberedByKey`). */
const listNumbers = new WeakMap<RowListJson<unknown>, number>();
let listsNumbered = 0;
/** `rowById`'s statement per lists asked (names and list objects), built once. */
const rowByIdStatements = new Map<string, string>();

function rowByIdStatement(asked: ReadonlyArray<[string, RowListJson<unknown>]>): string {
  let key = '';
  for (const [name, list] of asked) {
    let number = listNumbers.get(list);
    if (number === undefined) listNumbers.set(list, (number = ++listsNumbered));
    key += `${name}:${number};`;
  }
  let statement = rowByIdStatements.get(key);
  if (statement === undefined) {
    for (const [name] of asked) if (!/^[a-z][A-Za-z]*$/.test(name)) throw new Error(`rowById: "${name}" is not a usable list name`);
    statement = `SELECT ${GROUP_ROW_COLUMNS}${asked.map(([name, list]) => `, ${list.sql} AS "list.${name}"`).join('')} FROM study_groups g WHERE g.id = $1`;
    rowByIdStatements.set(key, statement);
  }
  return statement;
}

const likeAnywhere = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class StudyGroupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(StudyGroupEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<StudyGroupEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The group as a plain row (read paths: no entity), with each of `lists` (JSON lists over `g`, keyed on `g.id`) read into the same statement. */
  async rowById<Lists extends Record<string, unknown[]> = Record<never, never>>(
    id: string,
    lists: { [K in keyof Lists]?: RowListJson<Lists[K][number]> } = {},
  ): Promise<{ group: StudyGroupRow; lists: Partial<Lists> } | null> {
    const asked = Object.entries(lists).filter((entry): entry is [string, RowListJson<unknown>] => entry[1] !== undefined);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(rowByIdStatement(asked), [id]);
    const row = rows[0];
    if (!row) return null;
    const read: Record<string, unknown[]> = {};
    for (const [name, list] of asked) {
      read[name] = list.read(row[`list.${name}`], row.id);
      // Left in place as undefined: a delete would turn the row into a dictionary for every read after.
      row[`list.${name}`] = undefined;
    }
    return { group: row as unknown as StudyGroupRow, lists: read as Partial<Lists> };
  }

  async findByIds(ids: readonly string[]): Promise<Array<StudyGroupEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('g').where('g.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The group row is the lock for everything that changes who is in the group or who holds what. */
  lockById(manager: EntityManager, id: string): Promise<StudyGroupEntity | null> {
    return this.repo(manager).createQueryBuilder('g').where('g.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  insert(manager: EntityManager, group: Partial<StudyGroupEntity>): Promise<StudyGroupEntity> {
    return this.repo(manager).save(this.repo(manager).create(group));
  }

  save(manager: EntityManager, group: StudyGroupEntity): Promise<StudyGroupEntity> {
    return this.repo(manager).save(group);
  }

  /** Keyset-paged by (name, id); words must all appear in the name, topic or description. */
  async search(options: StudyGroupSearch): Promise<ConnectionShape<StudyGroupEntity>> {
    const first = pageSize(options.first);
    const filter = this.repo().createQueryBuilder('g');
    if (options.status) filter.where('g.status = :status', { status: options.status });
    else filter.where('g.status IN (:...statuses)', { statuses: [GroupStatus.FORMING, GroupStatus.ACTIVE] });
    if (options.topic) filter.andWhere('lower(g.topic) = lower(:topic)', { topic: options.topic });
    const words = (options.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    words.forEach((word, i) => {
      filter.andWhere(`(g.name ILIKE :w${i} OR g.topic ILIKE :w${i} OR g.description ILIKE :w${i})`, { [`w${i}`]: likeAnywhere(word) });
    });
    const page = filter.clone();
    const after = decodeCursor(options.after, 2);
    if (after) {
      const [name, id] = after;
      if (typeof name !== 'string' || !isUuid(id)) throw badInput('after', 'is not a cursor this list gave out');
      page.andWhere('(g.name, g.id) > (:afterName, :afterId::uuid)', { afterName: name, afterId: id });
    }
    const rows = await page.orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, (g) => [g.name, g.id], lazy(() => filter.getCount()));
  }

  /** Groups the person is in or has asked to join, by name (at most MY_GROUPS_LIMIT). */
  forMember(userId: string): Promise<StudyGroupEntity[]> {
    return this.repo()
      .createQueryBuilder('g')
      .innerJoin('study_group_members', 'm', 'm.group_id = g.id AND m.user_id = :userId', { userId })
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(MY_GROUPS_LIMIT)
      .getMany();
  }

  /** Groups that still meet, a batch at a time (for the jobs). */
  notArchivedAfter(afterId: string, limit: number): Promise<StudyGroupEntity[]> {
    return this.repo()
      .createQueryBuilder('g')
      .where('g.status <> :archived', { archived: GroupStatus.ARCHIVED })
      .andWhere('g.id > :afterId', { afterId })
      .orderBy('g.id', 'ASC')
      .limit(limit)
      .getMany();
  }
}
