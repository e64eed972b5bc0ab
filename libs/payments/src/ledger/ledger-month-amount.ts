/** Money of one payment in one UTC month and currency (minor units): received, or given back. */
export interface LedgerMonthAmount {
  paymentId: string;
  /** YYYY-MM (UTC). */
  month: string;
  currency: string;
  amount: number;
}

/** A window of the ledger for reports: what was received in it, and what was refunded in it. */
export interface LedgerMonthFigures {
  /** Payments received in the window, one row per payment (month of paid_at). */
  paid: LedgerMonthAmount[];
  /** Succeeded refunds settled in the window, summed per payment and month of settled_at. */
  refunded: LedgerMonthAmount[];
}
