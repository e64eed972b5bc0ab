import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { peopleSql } from '../../../accounts/src/index.js';
import { CURRENT_STATUSES } from '../membership.enums.js';

export interface ExportedMember {
  email: string;
  fullName: string;
  tier: string;
  status: string;
  currentPeriodEnd: Date | null;
  joinedAt: Date | null;
  headline: string | null;
  location: string | null;
  employer: string | null;
  skills: string[];
}

const CURRENT = CURRENT_STATUSES.map((s) => `'${s}'`).join(', ');
const [ID, EMAIL, FULL_NAME] = [peopleSql.column('u', 'id'), peopleSql.column('u', 'email'), peopleSql.column('u', 'fullName')];

@Injectable()
export class MemberExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The next `limit` people with a membership after `afterEmail` (keyset on the unique email index),
   * each with their current membership, or else their latest: the one the import would match.
   */
  async pageAfter(afterEmail: string, limit: number): Promise<ExportedMember[]> {
    return this.dataSource.query(
      `SELECT ${EMAIL} AS email, ${FULL_NAME} AS "fullName", t.name AS tier, m.status, m.current_period_end AS "currentPeriodEnd",
              m.started_at AS "joinedAt", p.headline, p.location, p.employer, coalesce(p.skills, '{}') AS skills
         FROM ${peopleSql.from('u')}
         LEFT JOIN member_profiles p ON p.user_id = ${ID}
         JOIN LATERAL (SELECT x.tier_id, x.status, x.current_period_end, x.started_at
                         FROM memberships x
                        WHERE x.user_id = ${ID}
                        ORDER BY (x.status IN (${CURRENT})) DESC, x.created_at DESC
                        LIMIT 1) m ON true
         JOIN membership_tiers t ON t.id = m.tier_id
        WHERE ${EMAIL} > $1
        ORDER BY ${EMAIL}
        LIMIT $2`,
      [afterEmail, limit],
    );
  }
}
