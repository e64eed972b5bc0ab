import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** A person's profile, memberships, their periods and status history, for their export. */
@Injectable()
export class MembersPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('memberships', async (userId) => ({
      area: 'memberships',
      records: {
        profile: (await this.dataSource.query(`SELECT * FROM member_profiles WHERE user_id = $1`, [userId]))[0] ?? null,
        memberships: await this.dataSource.query(
          `SELECT m.*, t.name AS tier_name FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id WHERE m.user_id = $1 ORDER BY m.created_at`,
          [userId],
        ),
        periods: await this.dataSource.query(
          `SELECT p.* FROM membership_periods p JOIN memberships m ON m.id = p.membership_id WHERE m.user_id = $1 ORDER BY p.starts_at`,
          [userId],
        ),
        statusChanges: await this.dataSource.query(
          `SELECT c.id, c.membership_id, c.from_status, c.to_status, c.reason, c.created_at
             FROM membership_status_changes c JOIN memberships m ON m.id = c.membership_id WHERE m.user_id = $1 ORDER BY c.created_at`,
          [userId],
        ),
      },
    }));
  }
}
