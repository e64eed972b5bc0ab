import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingRoleAssignmentEntity } from './entities/meeting-role-assignment.entity.js';
import { StudyGroupRoleEntity } from './entities/study-group-role.entity.js';
import { type Holding } from './rotation/role-rotation.js';

@Injectable()
export class MeetingRolesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private roles(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(StudyGroupRoleEntity);
  }

  private assignments(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MeetingRoleAssignmentEntity);
  }

  rolesOf(manager: EntityManager, groupId: string): Promise<StudyGroupRoleEntity[]> {
    return this.roles(manager).find({ where: { groupId }, order: { position: 'ASC' } });
  }

  async rolesByGroupIds(groupIds: readonly string[]): Promise<StudyGroupRoleEntity[][]> {
    const rows = await this.roles().createQueryBuilder('r').where('r.group_id = ANY(:groupIds)', { groupIds }).orderBy('r.position', 'ASC').getMany();
    const grouped = new Map<string, StudyGroupRoleEntity[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.groupId)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }

  async insertRoles(manager: EntityManager, groupId: string, roles: Array<{ role: string; description: string | null; position: number }>): Promise<void> {
    if (roles.length) await this.roles(manager).insert(roles.map((r) => ({ groupId, role: r.role, description: r.description, position: r.position })));
  }

  async deleteRoles(manager: EntityManager, groupId: string, roles: string[]): Promise<void> {
    if (roles.length) await manager.query(`DELETE FROM study_group_roles WHERE group_id = $1 AND role = ANY($2)`, [groupId, roles]);
  }

  async updateRole(manager: EntityManager, groupId: string, role: string, description: string | null, position: number): Promise<void> {
    await this.roles(manager).update({ groupId, role }, { description, position });
  }

  /** Every turn ever assigned in the group's scheduled meetings, with whether the holder was recorded absent. */
  holdings(manager: EntityManager, groupId: string): Promise<Holding[]> {
    return manager.query(
      `SELECT a.meeting_id AS "meetingId", a.user_id AS "userId", a.role, m.starts_at AS "startsAt", coalesce(NOT att.present, false) AS absent
         FROM meeting_role_assignments a
         JOIN group_meetings m ON m.id = a.meeting_id AND m.status = 'SCHEDULED'
         LEFT JOIN meeting_attendance att ON att.meeting_id = a.meeting_id AND att.user_id = a.user_id
        WHERE a.group_id = $1`,
      [groupId],
    );
  }

  /** The same for several groups at once (the rotation balance field). */
  async holdingsByGroupIds(groupIds: readonly string[]): Promise<Holding[][]> {
    const rows: Array<Holding & { groupId: string }> = await this.dataSource.query(
      `SELECT a.group_id AS "groupId", a.meeting_id AS "meetingId", a.user_id AS "userId", a.role, m.starts_at AS "startsAt",
              coalesce(NOT att.present, false) AS absent
         FROM meeting_role_assignments a
         JOIN group_meetings m ON m.id = a.meeting_id AND m.status = 'SCHEDULED'
         LEFT JOIN meeting_attendance att ON att.meeting_id = a.meeting_id AND att.user_id = a.user_id
        WHERE a.group_id = ANY($1)`,
      [groupIds],
    );
    const grouped = new Map<string, Holding[]>(groupIds.map((id) => [id, []]));
    for (const { groupId, ...holding } of rows) grouped.get(groupId)?.push(holding);
    return groupIds.map((id) => grouped.get(id)!);
  }

  ofMeeting(manager: EntityManager, meetingId: string): Promise<MeetingRoleAssignmentEntity[]> {
    return this.assignments(manager).find({ where: { meetingId } });
  }

  async byMeetingIds(meetingIds: readonly string[]): Promise<MeetingRoleAssignmentEntity[][]> {
    const rows = await this.assignments()
      .createQueryBuilder('a')
      .leftJoin('study_group_roles', 'r', 'r.group_id = a.group_id AND r.role = a.role')
      .where('a.meeting_id = ANY(:meetingIds)', { meetingIds })
      .orderBy('a.meeting_id')
      .addOrderBy('r.position', 'ASC', 'NULLS LAST')
      .addOrderBy('a.role', 'ASC')
      .getMany();
    const grouped = new Map<string, MeetingRoleAssignmentEntity[]>(meetingIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.meetingId)?.push(row);
    return meetingIds.map((id) => grouped.get(id)!);
  }

  /** Adds holders for roles that have none; a role already held keeps its holder. */
  async insertAssignments(manager: EntityManager, groupId: string, meetingId: string, assignments: Array<{ role: string; userId: string }>): Promise<void> {
    if (!assignments.length) return;
    await manager.query(
      `INSERT INTO meeting_role_assignments (meeting_id, role, group_id, user_id)
       SELECT $1, role, $2, user_id FROM unnest($3::text[], $4::uuid[]) AS x(role, user_id)
       ON CONFLICT (meeting_id, role) DO NOTHING`,
      [meetingId, groupId, assignments.map((a) => a.role), assignments.map((a) => a.userId)],
    );
  }

  async setHolder(manager: EntityManager, meetingId: string, role: string, groupId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_role_assignments (meeting_id, role, group_id, user_id, swapped) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (meeting_id, role) DO UPDATE SET user_id = EXCLUDED.user_id, swapped = true, assigned_at = now()`,
      [meetingId, role, groupId, userId],
    );
  }

  async clearMeeting(manager: EntityManager, meetingId: string): Promise<void> {
    await manager.query(`DELETE FROM meeting_role_assignments WHERE meeting_id = $1`, [meetingId]);
  }

  /** A member who leaves gives up the turns they were given for meetings that have not started (and role offers made to them or by them). */
  async dropFutureTurnsOf(manager: EntityManager, groupId: string, userId: string, now: Date): Promise<void> {
    await manager.query(`DELETE FROM meeting_role_offers WHERE group_id = $1 AND (from_user_id = $2 OR to_user_id = $2)`, [groupId, userId]);
    await manager.query(
      `DELETE FROM meeting_role_assignments a USING group_meetings m
        WHERE a.meeting_id = m.id AND a.group_id = $1 AND a.user_id = $2 AND m.starts_at > $3`,
      [groupId, userId, now],
    );
  }

  /** Roles taken out of the rotation leave the meetings that have not started. */
  async dropFutureTurnsOfRoles(manager: EntityManager, groupId: string, roles: string[], now: Date): Promise<void> {
    if (!roles.length) return;
    await manager.query(
      `DELETE FROM meeting_role_assignments a USING group_meetings m
        WHERE a.meeting_id = m.id AND a.group_id = $1 AND a.role = ANY($2) AND m.starts_at > $3`,
      [groupId, roles, now],
    );
  }
}
