import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReportRow {
  month: string;
  tierId: string;
  tierName: string;
  currency: string;
  collected: number;
  refunded: number;
  payments: number;
}

/** Dues money by month and tier: payments by when they were received, refunds by when they succeeded. */
@Injectable()
export class DuesReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byMonthAndTier(from: Date, to: Date): Promise<ReportRow[]> {
    return this.dataSource.query(
      `WITH collected AS (
         SELECT to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, d.tier_id, p.currency,
                sum(p.amount)::bigint AS collected, count(*)::int AS payments
           FROM payments p JOIN dues_payments d ON d.payment_id = p.id
          WHERE p.purpose = 'DUES' AND p.paid_at >= $1 AND p.paid_at < $2
          GROUP BY 1, 2, 3
       ), refunded AS (
         SELECT to_char(r.settled_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, d.tier_id, r.currency, sum(r.amount)::bigint AS refunded
           FROM payment_refunds r JOIN dues_payments d ON d.payment_id = r.payment_id
          WHERE r.status = 'SUCCEEDED' AND r.settled_at >= $1 AND r.settled_at < $2
          GROUP BY 1, 2, 3
       )
       SELECT coalesce(c.month, r.month) AS month, coalesce(c.tier_id, r.tier_id) AS "tierId", t.name AS "tierName",
              coalesce(c.currency, r.currency) AS currency,
              coalesce(c.collected, 0)::float8 AS collected, coalesce(r.refunded, 0)::float8 AS refunded, coalesce(c.payments, 0) AS payments
         FROM collected c
         FULL JOIN refunded r ON r.month = c.month AND r.tier_id = c.tier_id AND r.currency = c.currency
         JOIN membership_tiers t ON t.id = coalesce(c.tier_id, r.tier_id)
        ORDER BY 1, 3, 4`,
      [from, to],
    );
  }
}
