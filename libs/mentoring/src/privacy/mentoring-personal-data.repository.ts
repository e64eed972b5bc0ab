import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** A person's mentoring applications, pairs and the check-ins they logged, for their export. */
@Injectable()
export class MentoringPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addEraser('mentoring', async (manager, subject) => {
      await manager.query(`UPDATE mentoring_applications SET goals = NULL, review_reason = NULL, topics = '{}' WHERE user_id = $1`, [subject.userId]);
      await manager.query(`UPDATE mentoring_check_ins SET notes = NULL, next_steps = NULL WHERE logged_by_id = $1`, [subject.userId]);
      await manager.query(`UPDATE mentoring_pair_feedback SET comment = NULL WHERE author_id = $1`, [subject.userId]);
    });
    this.registry.addExporter('mentoring', async (userId) => ({
      area: 'mentoring',
      records: {
        applications: await this.dataSource.query(`SELECT * FROM mentoring_applications WHERE user_id = $1 ORDER BY created_at`, [userId]),
        pairs: await this.dataSource.query(
          `SELECT id, cohort_id, CASE WHEN mentor_user_id = $1 THEN 'MENTOR' ELSE 'MENTEE' END AS your_role, status, started_at, ended_at
             FROM mentoring_pairs WHERE mentor_user_id = $1 OR mentee_user_id = $1 ORDER BY started_at`,
          [userId],
        ),
        checkInsYouLogged: await this.dataSource.query(
          `SELECT id, pair_id, happened_at, duration_minutes, notes, next_steps, confirmed_at FROM mentoring_check_ins WHERE logged_by_id = $1 ORDER BY happened_at`,
          [userId],
        ),
      },
    }));
  }
}
