import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, PersonalDataRegistry, RetentionRegistry } from '../../../core/src/index.js';

/** A person's profile, memberships, their periods and status history, for their export. */
@Injectable()
export class MembersPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly retention: RetentionRegistry,
  ) {}

  onModuleInit(): void {
    // People whose last membership ended (lapsed or cancelled) before the cutoff and who hold no other.
    this.retention.setErasureCandidates(async (cutoff, limit) => {
      const rows: Array<{ user_id: string }> = await this.dataSource.query(
        `SELECT m.user_id FROM memberships m
          GROUP BY m.user_id
         HAVING bool_and(m.status IN ('LAPSED', 'CANCELLED', 'DECLINED')) AND max(m.updated_at) < $1
          ORDER BY max(m.updated_at) LIMIT $2`,
        [cutoff, limit],
      );
      return rows.map((r) => r.user_id);
    });
    this.registry.addEraser('memberships', async (manager, subject) => {
      const live: unknown[] = await manager.query(
        `SELECT id FROM memberships WHERE user_id = $1 AND status IN ('ACTIVE', 'GRACE', 'PENDING_APPROVAL', 'PENDING_PAYMENT') FOR UPDATE`,
        [subject.userId],
      );
      if (live.length) {
        throw new AppError(ErrorCode.CONFLICT, 'This person has a paid-up or pending membership: settle it (end it, refunding as you choose) before erasing', {
          reason: 'MEMBERSHIP_NOT_SETTLED',
        });
      }
      await manager.query(`DELETE FROM member_profiles WHERE user_id = $1`, [subject.userId]);
    });
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
