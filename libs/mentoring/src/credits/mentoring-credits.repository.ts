import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CreditedSessionRow {
  happenedAt: Date;
  credits: number;
  role: 'mentor' | 'mentee';
  partnerUserId: string;
  programName: string;
  cohortName: string;
}

/**
 * Confirmed check-ins with credits, seen from one person (mentor or mentee of the pair): both sides
 * earn the credits of every confirmed check-in.
 */
@Injectable()
export class MentoringCreditsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async total(userId: string, from: Date, to: Date): Promise<number> {
    const [row]: Array<{ credits: string | null }> = await this.dataSource.query(
      `SELECT sum(ci.credits) AS credits
         FROM mentoring_pairs p JOIN mentoring_check_ins ci ON ci.pair_id = p.id
        WHERE (p.mentor_user_id = $1 OR p.mentee_user_id = $1)
          AND ci.confirmed_at IS NOT NULL AND ci.credits > 0 AND ci.happened_at >= $2 AND ci.happened_at < $3`,
      [userId, from, to],
    );
    return row.credits === null ? 0 : Number(row.credits);
  }

  async sessions(userId: string, from: Date, to: Date, limit: number): Promise<CreditedSessionRow[]> {
    const rows: Array<{ happened_at: Date; credits: string; role: 'mentor' | 'mentee'; partner_user_id: string; program_name: string; cohort_name: string }> =
      await this.dataSource.query(
        `SELECT ci.happened_at, ci.credits,
                CASE WHEN p.mentor_user_id = $1 THEN 'mentor' ELSE 'mentee' END AS role,
                CASE WHEN p.mentor_user_id = $1 THEN p.mentee_user_id ELSE p.mentor_user_id END AS partner_user_id,
                prog.name AS program_name, c.name AS cohort_name
           FROM mentoring_pairs p
           JOIN mentoring_check_ins ci ON ci.pair_id = p.id
           JOIN mentoring_cohorts c ON c.id = p.cohort_id
           JOIN mentoring_programs prog ON prog.id = c.program_id
          WHERE (p.mentor_user_id = $1 OR p.mentee_user_id = $1)
            AND ci.confirmed_at IS NOT NULL AND ci.credits > 0 AND ci.happened_at >= $2 AND ci.happened_at < $3
          ORDER BY ci.happened_at DESC, ci.id
          LIMIT $4`,
        [userId, from, to, limit],
      );
    return rows.map((r) => ({
      happenedAt: r.happened_at,
      credits: Number(r.credits),
      role: r.role,
      partnerUserId: r.partner_user_id,
      programName: r.program_name,
      cohortName: r.cohort_name,
    }));
  }
}
