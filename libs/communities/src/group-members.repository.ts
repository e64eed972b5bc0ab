import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rememberedByKey, rowFieldsAsked, rowListJson, type RowListJson, rowWithJoins } from '../../core/src/index.js';
import { type User, usersJoin } from '../../accounts/src/index.js';
import { GroupMemberRole, GroupMemberStatus } from './community.enums.js';
import { StudyGroupMemberEntity } from './entities/study-group-member.entity.js';
import { type GroupMember } from './types/group-member.type.js';

/** A GroupMember's fields (the GraphQL type's, no entity) → columns of `study_group_members`. */
const MEMBER_COLUMNS = {
  groupId: 'group_id', userId: 'user_id', role: 'role', status: 'status', requestedAt: 'requested_at', joinedAt: 'joined_at',
} satisfies Record<keyof GroupMember, string>;
const MEMBER_FIELDS = Object.keys(MEMBER_COLUMNS) as Array<keyof GroupMember>;
type MemberField = keyof GroupMember;
/**
 * A group's active members, longest-standing first: what the members loader reads (`activeRowsByGroupIds`, one
 * statement for a batch of groups) and what a group's own statement reads as JSON (`activeMembersJson`).
 */
const ACTIVE_MEMBERS: KeyedRowsSpec = {
  table: 'study_group_members',
  keyColumn: 'group_id',
  columns: Object.fromEntries(MEMBER_FIELDS.map((field) => [field, `c.${MEMBER_COLUMNS[field]}`])),
  where: `c.status = 'ACTIVE'`,
  orderBy: 'c.joined_at, c.user_id',
};
const MEMBER_TIMES: readonly MemberField[] = ['requestedAt', 'joinedAt'];

/**
 * Which users a list of members reads beside each member, in its own statement: every field (`fields` undefined),
 * or only `fields` (accounts' `userFieldsAsked`). Users read with fewer fields ride on their member rows
 * (`GroupMember.user` answers from the row) and never reach the request's users loader.
 */
export interface MemberUsers {
  fields?: ReadonlyArray<keyof User>;
}

/** What a list of members reads of each: its own fields (`memberFieldsAsked`; every one when undefined), and its user. */
export interface MemberParts {
  fields?: readonly MemberField[];
  users?: MemberUsers;
}

/**
 * The GroupMember fields a selection reads (`asked`: the names under `members`), always with the person's id. The
 * group's id is no GraphQL field and no GroupMember field reads it: a list (which knows its group) leaves it out.
 */
export function memberFieldsAsked(asked: ReadonlySet<string>): readonly MemberField[] {
  // `user` reads `userId` (or the user carried on the row).
  return rowFieldsAsked(asked, MEMBER_FIELDS, ['userId'], { user: ['userId'] });
}

/** The same for the same parts read (member fields; no users, every field, or those fields): a loader's name. */
export function memberPartsKey({ fields, users }: MemberParts): string {
  return `${fields?.join(',') ?? '*'}|${users ? (users.fields?.join(',') ?? '*') : 'none'}`;
}

/**
 * A list of members with `parts`, built once per key: the select list and join for `activeRowsByGroupIds`, the JSON
 * list inside a statement over `study_groups g`, and a member (with its user) from a row of either.
 */
const membersOf = rememberedByKey(memberPartsKey, ({ fields = MEMBER_FIELDS, users }: MemberParts) => {
  const columns = Object.fromEntries(fields.map((field) => [field, ACTIVE_MEMBERS.columns[field]]));
  const spec: KeyedRowsSpec = { ...ACTIVE_MEMBERS, columns };
  const times = MEMBER_TIMES.filter((field) => fields.includes(field));
  // Each member's user, through accounts' port (outputs named `u.<field>`), joined onto `c`.
  const join = users && usersJoin('u', 'c.user_id', users.fields);
  const withUser = join && rowWithJoins<GroupMemberWithUser>(fields, { user: join });
  const list = rowListJson<Record<string, unknown>>(spec, 'g.id', times, join ? [join] : []);
  const json: RowListJson<GroupMemberWithUser> = {
    sql: list.sql,
    read: (value, groupId) => (withUser ? list.read(value, groupId).map(withUser) : (list.read(value, groupId) as unknown as GroupMemberWithUser[])),
  };
  // The loader's statement reads the group's id apart (`__group`): a member's fields may leave it out.
  const select = [`c.${ACTIVE_MEMBERS.keyColumn} AS "__group"`, ...Object.entries(columns).map(([field, sql]) => `${sql} AS "${field}"`)].join(', ');
  const member = withUser ?? rowWithJoins<GroupMemberWithUser>(fields, {});
  return { join, member, json, select };
});

/** A member as the GroupMember type reads it, with the person when the statement read them. */
export type GroupMemberWithUser = GroupMember & { user?: User };

export interface MemberContact {
  userId: string;
  email: string;
  fullName: string;
}

@Injectable()
export class GroupMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(StudyGroupMemberEntity);
  }

  find(manager: EntityManager, groupId: string, userId: string): Promise<StudyGroupMemberEntity | null> {
    return this.repo(manager).findOneBy({ groupId, userId });
  }

  insert(manager: EntityManager, member: Partial<StudyGroupMemberEntity>): Promise<StudyGroupMemberEntity> {
    return this.repo(manager).save(this.repo(manager).create(member));
  }

  save(manager: EntityManager, member: StudyGroupMemberEntity): Promise<StudyGroupMemberEntity> {
    return this.repo(manager).save(member);
  }

  async remove(manager: EntityManager, groupId: string, userId: string): Promise<boolean> {
    const result = await this.repo(manager).delete({ groupId, userId });
    return (result.affected ?? 0) > 0;
  }

  countByStatus(manager: EntityManager, groupId: string, status: GroupMemberStatus): Promise<number> {
    return this.repo(manager).countBy({ groupId, status });
  }

  /** Active members, most senior first. */
  active(manager: EntityManager, groupId: string): Promise<StudyGroupMemberEntity[]> {
    return this.repo(manager).find({ where: { groupId, status: GroupMemberStatus.ACTIVE }, order: { joinedAt: 'ASC', userId: 'ASC' } });
  }

  /** Active members' ids, most senior first (optionally only those with `role`). */
  async activeUserIds(manager: EntityManager, groupId: string, role?: GroupMemberRole): Promise<string[]> {
    const rows: Array<{ userId: string }> = await manager.query(
      `SELECT m.user_id AS "userId" FROM study_group_members m
        WHERE m.group_id = $1 AND m.status = 'ACTIVE' AND ($2::text IS NULL OR m.role = $2)
        ORDER BY m.joined_at, m.user_id`,
      [groupId, role ?? null],
    );
    return rows.map((r) => r.userId);
  }

  /** The longest-standing active member who is not an organiser (to take over when the last one leaves). */
  longestStandingMember(manager: EntityManager, groupId: string): Promise<StudyGroupMemberEntity | null> {
    return this.repo(manager).findOne({
      where: { groupId, status: GroupMemberStatus.ACTIVE, role: GroupMemberRole.MEMBER },
      order: { joinedAt: 'ASC', userId: 'ASC' },
    });
  }

  /** For each group, its members with the given status, most senior (or earliest asking) first. */
  async byGroupIds(groupIds: readonly string[], status: GroupMemberStatus): Promise<StudyGroupMemberEntity[][]> {
    const rows = await this.repo()
      .createQueryBuilder('m')
      .where('m.group_id = ANY(:groupIds)', { groupIds })
      .andWhere('m.status = :status', { status })
      .orderBy('m.group_id')
      .addOrderBy(status === GroupMemberStatus.ACTIVE ? 'm.joined_at' : 'm.requested_at', 'ASC')
      .addOrderBy('m.user_id', 'ASC')
      .getMany();
    const grouped = new Map<string, StudyGroupMemberEntity[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.groupId)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }

  /**
   * Each group's active members as plain rows, longest-standing first, with the member fields `parts` names and each
   * member's user read in the same statement when `parts.users` says which (`MemberParts`). One statement.
   */
  async activeRowsByGroupIds(groupIds: readonly string[], parts: MemberParts = {}): Promise<GroupMemberWithUser[][]> {
    const { join, member, select } = membersOf(parts);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${select}${join ? `, ${join.select}` : ''}
         FROM ${ACTIVE_MEMBERS.table} c ${join ? join.join : ''}
        WHERE c.${ACTIVE_MEMBERS.keyColumn} = ANY($1::uuid[]) AND ${ACTIVE_MEMBERS.where}
        ORDER BY ${ACTIVE_MEMBERS.orderBy}`,
      [groupIds],
    );
    const grouped = new Map<string, GroupMemberWithUser[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.__group as string)?.push(member(row));
    return groupIds.map((id) => grouped.get(id)!);
  }

  /**
   * A group's active members as a JSON list inside a statement over `study_groups g` (the same rows, order and
   * parts as `activeRowsByGroupIds`): its SQL, and the members of the parsed value.
   */
  activeMembersJson(parts: MemberParts = {}): RowListJson<GroupMemberWithUser> {
    return membersOf(parts).json;
  }

  async activeCountsByGroupIds(groupIds: readonly string[]): Promise<number[]> {
    const rows: Array<{ group_id: string; n: number }> = await this.dataSource.query(
      `SELECT group_id, count(*)::int AS n FROM study_group_members WHERE group_id = ANY($1) AND status = 'ACTIVE' GROUP BY group_id`,
      [groupIds],
    );
    const counts = new Map(rows.map((r) => [r.group_id, r.n]));
    return groupIds.map((id) => counts.get(id) ?? 0);
  }

  /** One person's memberships of the given groups (any status). */
  async ofUserInGroups(userId: string, groupIds: readonly string[]): Promise<Array<StudyGroupMemberEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('m').where('m.user_id = :userId', { userId }).andWhere('m.group_id = ANY(:groupIds)', { groupIds }).getMany();
    const byGroup = new Map(rows.map((r) => [r.groupId, r]));
    return groupIds.map((id) => byGroup.get(id));
  }
}
