import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MembershipStatus } from './membership.enums.js';
import { MembershipStats } from './membership.type.js';
import { goodStandingSql } from './standing/good-standing.rule.js';

/** Admin figures: counts now, and joins, lapses and renewals per month over the last year. */
@Injectable()
export class MembershipStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(now = new Date()): Promise<MembershipStats> {
    const byTier: Array<{ tierId: string; tierName: string; status: MembershipStatus; count: number }> = await this.dataSource.query(
      `SELECT t.id AS "tierId", t.name AS "tierName", m.status, count(*)::int AS count
         FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id
        GROUP BY t.id, t.name, m.status ORDER BY t.name, m.status`,
    );
    const byStatusMap = new Map<MembershipStatus, number>();
    for (const row of byTier) byStatusMap.set(row.status, (byStatusMap.get(row.status) ?? 0) + row.count);
    const byStatus = Object.values(MembershipStatus).map((status) => ({ status, count: byStatusMap.get(status) ?? 0 }));

    const byMonth: Array<{ month: string; joins: number; lapses: number; renewals: number }> = await this.dataSource.query(
      `WITH months AS (
         SELECT to_char(d, 'YYYY-MM') AS month
           FROM generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC') - interval '11 months',
                                date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'), interval '1 month') d
       ),
       joins AS (
         SELECT to_char(min(c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS month
           FROM membership_status_changes c WHERE c.to_status = 'ACTIVE' GROUP BY c.membership_id
       ),
       lapses AS (
         SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM membership_status_changes c WHERE c.to_status = 'LAPSED'
       ),
       renewals AS (
         SELECT to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month
           FROM membership_periods p
          WHERE EXISTS (SELECT 1 FROM membership_periods e WHERE e.membership_id = p.membership_id AND e.starts_at < p.starts_at)
       )
       SELECT m.month,
              (SELECT count(*)::int FROM joins j WHERE j.month = m.month) AS joins,
              (SELECT count(*)::int FROM lapses l WHERE l.month = m.month) AS lapses,
              (SELECT count(*)::int FROM renewals r WHERE r.month = m.month) AS renewals
         FROM months m ORDER BY m.month`,
      [now],
    );
    const [{ inGoodStanding }]: Array<{ inGoodStanding: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS "inGoodStanding" FROM memberships m WHERE ${goodStandingSql('m')}`,
    );
    return { inGoodStanding, byStatus, byTier, byMonth };
  }
}
