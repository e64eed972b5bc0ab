import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The queries behind StudyGroupRoster: a group's name and state, and who stands where in it. */
@Injectable()
export class StudyGroupRosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async groups(ids: readonly string[], manager?: EntityManager): Promise<Array<{ id: string; name: string; status: string } | undefined>> {
    const rows: Array<{ id: string; name: string; status: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id, name, status FROM study_groups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The ACTIVE membership (and its role) of each (group, person) pair given. */
  async activeRoles(groupIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<Array<string | null>> {
    const rows: Array<{ i: number; role: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT q.i::int AS i, m.role FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(group_id, user_id, i)
         JOIN study_group_members m ON m.group_id = q.group_id AND m.user_id = q.user_id AND m.status = 'ACTIVE'`,
      [groupIds, userIds],
    );
    const roles: Array<string | null> = groupIds.map(() => null);
    for (const row of rows) roles[row.i - 1] = row.role;
    return roles;
  }
}
