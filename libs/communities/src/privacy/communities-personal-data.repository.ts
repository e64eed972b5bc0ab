import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** A person's study groups, meeting attendance, roles and accountability check-ins, for their export. */
@Injectable()
export class CommunitiesPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addEraser('study-groups', async (manager, subject) => {
      await manager.query(`UPDATE accountability_check_ins SET done = '(erased)', next = '(erased)', blockers = NULL WHERE user_id = $1`, [subject.userId]);
      await manager.query(`UPDATE meeting_feedback SET comment = NULL WHERE user_id = $1`, [subject.userId]);
      await manager.query(`DELETE FROM meeting_role_offers WHERE from_user_id = $1 OR to_user_id = $1`, [subject.userId]);
    });
    this.registry.addExporter('study-groups', async (userId) => ({
      area: 'study-groups',
      records: {
        memberships: await this.dataSource.query(
          `SELECT m.*, g.name AS group_name FROM study_group_members m JOIN study_groups g ON g.id = m.group_id WHERE m.user_id = $1`,
          [userId],
        ),
        meetingAttendance: await this.dataSource.query(`SELECT meeting_id, present, recorded_at FROM meeting_attendance WHERE user_id = $1`, [userId]),
        meetingRoles: await this.dataSource.query(`SELECT * FROM meeting_role_assignments WHERE user_id = $1`, [userId]),
        accountabilityCheckIns: await this.dataSource.query(`SELECT * FROM accountability_check_ins WHERE user_id = $1`, [userId]),
        meetingRoleOffers: await this.dataSource.query(
          `SELECT meeting_id, role, in_return_role, created_at, from_user_id = $1 AS offered_by_me FROM meeting_role_offers WHERE from_user_id = $1 OR to_user_id = $1`,
          [userId],
        ),
      },
    }));
  }
}
