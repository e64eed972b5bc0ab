import { Injectable } from '@nestjs/common';
import { badInput, type Money, type ReportPoint, type ReportRange } from '../../../core/src/index.js';
import { TiersService } from '../../../members/src/index.js';
import { LedgerReports, PaymentPurpose } from '../../../payments/src/index.js';
import { DuesPaymentsRepository } from '../fulfilment/dues-payments.repository.js';
import { DuesSubscriptionsRepository } from '../subscriptions/dues-subscriptions.repository.js';
import { reportLines, type ReportRow } from './dues-report.lines.js';
import { DuesReport } from './dues-report.type.js';

const MAX_RANGE_MS = 5 * 366 * 86_400_000;
/** GraphQL Int is 32-bit: a sum of minor units beyond it cannot be shown as Money. */
const INT_MAX = 2_147_483_647;

function totals(rows: ReportRow[], pick: (row: ReportRow) => number): Money[] {
  const byCurrency = new Map<string, number>();
  for (const row of rows) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + pick(row));
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: Math.min(amount, INT_MAX) }));
}

@Injectable()
export class DuesReportService {
  constructor(
    private readonly ledger: LedgerReports,
    private readonly duesPayments: DuesPaymentsRepository,
    private readonly tiers: TiersService,
    private readonly subscriptions: DuesSubscriptionsRepository,
  ) {}

  /** Three statements whatever the number of payments: the ledger's money, the payments' tiers, the tiers' names. */
  private async lines(from: Date, to: Date): Promise<ReportRow[]> {
    const figures = await this.ledger.moneyByPaymentAndMonth(PaymentPurpose.DUES, from, to);
    const tierOfPayment = await this.duesPayments.tiersOf([...figures.paid, ...figures.refunded].map((f) => f.paymentId));
    const tierNames = await this.tiers.namesOf([...new Set(tierOfPayment.values())]);
    return reportLines(figures, tierOfPayment, tierNames);
  }

  /** The chart's points: dues collected (minor units, before refunds) per month and tier, one series per tier and currency. */
  async collectedPoints(range: ReportRange): Promise<ReportPoint[]> {
    const rows = await this.lines(range.from, range.to);
    return rows
      .filter((r) => r.collected > 0)
      .map((r) => ({ period: r.month, series: `${r.tierName} (${r.currency})`, value: r.collected }));
  }

  async build(from: Date, to: Date): Promise<DuesReport> {
    if (to <= from) throw badInput('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badInput('to', 'must be at most 5 years after from');
    const [rows, activeAutoRenewals] = await Promise.all([this.lines(from, to), this.subscriptions.countAutoRenewing()]);
    const collected = totals(rows, (r) => r.collected);
    const refunded = totals(rows, (r) => r.refunded);
    const net = totals(rows, (r) => r.collected - r.refunded);
    return {
      from,
      to,
      collected,
      refunded,
      net,
      payments: rows.reduce((sum, r) => sum + r.payments, 0),
      byTierAndMonth: rows.map((r) => ({
        month: r.month,
        tierId: r.tierId,
        tierName: r.tierName,
        collected: { amount: Math.min(r.collected, INT_MAX), currency: r.currency },
        refunded: { amount: Math.min(r.refunded, INT_MAX), currency: r.currency },
        payments: r.payments,
      })),
      activeAutoRenewals,
    };
  }
}
