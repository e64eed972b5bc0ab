import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentPurpose, RefundStatus } from './payment.enums.js';
import type { LedgerMonthAmount, LedgerMonthFigures } from './ledger-month-amount.js';

type Row = { kind: 'PAID' | 'REFUNDED'; paymentId: string; month: string; currency: string; amount: string };

/** Reads for reports: money per payment and UTC month, never more rows than payments touched in the window. */
@Injectable()
export class LedgerReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement: payments of `purpose` paid in [from, to) by (payment, month of paid_at, currency),
   * and their succeeded refunds settled in [from, to) by (payment, month of settled_at, currency).
   */
  async moneyByPaymentAndMonth(purpose: PaymentPurpose, from: Date, to: Date): Promise<LedgerMonthFigures> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT 'PAID' AS kind, p.id AS "paymentId", to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.currency,
              sum(p.amount)::bigint::text AS amount
         FROM payments p
        WHERE p.purpose = $1 AND p.paid_at >= $2 AND p.paid_at < $3
        GROUP BY 2, 3, 4
       UNION ALL
       SELECT 'REFUNDED', r.payment_id, to_char(r.settled_at AT TIME ZONE 'UTC', 'YYYY-MM'), r.currency, sum(r.amount)::bigint::text
         FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
        WHERE p.purpose = $1 AND r.status = $4 AND r.settled_at >= $2 AND r.settled_at < $3
        GROUP BY 2, 3, 4`,
      [purpose, from, to, RefundStatus.SUCCEEDED],
    );
    const paid: LedgerMonthAmount[] = [];
    const refunded: LedgerMonthAmount[] = [];
    for (const row of rows) {
      const figure = { paymentId: row.paymentId, month: row.month, currency: row.currency, amount: Number(row.amount) };
      (row.kind === 'PAID' ? paid : refunded).push(figure);
    }
    return { paid, refunded };
  }
}
