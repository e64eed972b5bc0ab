import type { LedgerMonthFigures } from '../../../payments/src/index.js';

/** One line of the dues report: a month, a tier and a currency (sums in minor units). */
export interface ReportRow {
  month: string;
  tierId: string;
  tierName: string;
  currency: string;
  collected: number;
  refunded: number;
  payments: number;
}

/** Months (YYYY-MM) and currency codes are ASCII: plain comparison is the database's order too. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups the ledger's money per payment into report lines by (month, tier, currency): payments by the
 * month they were received, refunds by the month they succeeded. Money of payments with no dues tier
 * (or a tier with no name) is left out. Ordered by month, then tier name, then currency: `tierNames`
 * iterates in name order as the database collates it (TiersService.namesOf), and that order is kept.
 */
export function reportLines(figures: LedgerMonthFigures, tierOfPayment: ReadonlyMap<string, string>, tierNames: ReadonlyMap<string, string>): ReportRow[] {
  const nameRank = new Map([...tierNames.keys()].map((tierId, rank) => [tierId, rank]));
  const lines = new Map<string, ReportRow>();
  const lineFor = (paymentId: string, month: string, currency: string): ReportRow | undefined => {
    const tierId = tierOfPayment.get(paymentId);
    const tierName = tierId === undefined ? undefined : tierNames.get(tierId);
    if (tierId === undefined || tierName === undefined) return undefined;
    const key = JSON.stringify([month, tierId, currency]);
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { month, tierId, tierName, currency, collected: 0, refunded: 0, payments: 0 }));
    return line;
  };
  for (const paid of figures.paid) {
    const line = lineFor(paid.paymentId, paid.month, paid.currency);
    if (!line) continue;
    line.collected += paid.amount;
    line.payments += 1;
  }
  for (const refund of figures.refunded) {
    const line = lineFor(refund.paymentId, refund.month, refund.currency);
    if (line) line.refunded += refund.amount;
  }
  return [...lines.values()].sort((a, b) => compare(a.month, b.month) || nameRank.get(a.tierId)! - nameRank.get(b.tierId)! || compare(a.currency, b.currency));
}
