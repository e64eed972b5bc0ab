import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rowListJson, type RowListJson, rowWithJoins } from '../../core/src/index.js';
import { type User, usersJoin } from '../../accounts/src/index.js';
import { GroupMemberRole, GroupMemberStatus } from './community.enums.js';
import { StudyGroupMemberEntity } from './entities/study-group-member.entity.js';
import { type GroupMember } from './types/group-member.type.js';

/** A GroupMember's fields (the GraphQL type's, no entity) → columns of `study_group_members`. */
const MEMBER_COLUMNS = {
  groupId: 'group_id', userId: 'user_id', role: 'role', status: 'status', requestedAt: 'requested_at', joinedAt: 'joined_at',
} satisfies Record<keyof GroupMember, string>;
const MEMBER_FIELDS = Object.keys(MEMBER_COLUMNS) as Array<keyof GroupMember>;
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
const MEMBER_TIMES = ['requestedAt', 'joinedAt'] as const;
/** The select list of a plain GroupMember row over the spec's `study_group_members c`. */
const MEMBER_ROW_COLUMNS = Object.entries(ACTIVE_MEMBERS.columns).map(([field, sql]) => `${sql} AS "${field}"`).join(', ');
/** Each member's user, through accounts' port (outputs named `u.<field>`), joined onto `c`. */
const MEMBER_USER = usersJoin('u', 'c.user_id');
/** A member with their user, from a result row or a JSON list's row alike. */
const withUserOf = rowWithJoins<GroupMemberWithUser>(MEMBER_FIELDS, { user: MEMBER_USER });
const ACTIVE_MEMBERS_JSON: RowListJson<GroupMemberWithUser> = rowListJson<GroupMember>(ACTIVE_MEMBERS, 'g.id', MEMBER_TIMES);
const activeMembersWithUsers = rowListJson<Record<string, unknown>>(ACTIVE_MEMBERS, 'g.id', MEMBER_TIMES, [MEMBER_USER]);
const ACTIVE_MEMBERS_WITH_USERS_JSON: RowListJson<GroupMemberWithUser> = {
  sql: activeMembersWithUsers.sql,
  read: (list) => activeMembersWithUsers.read(list).map(withUserOf),
};

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
   * Each group's active members as plain rows, longest-standing first, with each member's user read in the
   * same statement when `withUsers`. One statement.
   */
  async activeRowsByGroupIds(groupIds: readonly string[], withUsers: boolean): Promise<GroupMemberWithUser[][]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${MEMBER_ROW_COLUMNS}${withUsers ? `, ${MEMBER_USER.select}` : ''}
         FROM ${ACTIVE_MEMBERS.table} c ${withUsers ? MEMBER_USER.join : ''}
        WHERE c.${ACTIVE_MEMBERS.keyColumn} = ANY($1::uuid[]) AND ${ACTIVE_MEMBERS.where}
        ORDER BY ${ACTIVE_MEMBERS.orderBy}`,
      [groupIds],
    );
    const grouped = new Map<string, GroupMemberWithUser[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.groupId as string)?.push(withUsers ? withUserOf(row) : (row as unknown as GroupMember));
    return groupIds.map((id) => grouped.get(id)!);
  }

  /**
   * A group's active members as a JSON list inside a statement over `study_groups g` (the same rows, order and
   * users as `activeRowsByGroupIds`): its SQL, and the members of the parsed value.
   */
  activeMembersJson(withUsers: boolean): RowListJson<GroupMemberWithUser> {
    return withUsers ? ACTIVE_MEMBERS_WITH_USERS_JSON : ACTIVE_MEMBERS_JSON;
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
