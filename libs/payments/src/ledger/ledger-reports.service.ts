import { Injectable } from '@nestjs/common';
import { PaymentPurpose } from './payment.enums.js';
import type { LedgerMonthFigures } from './ledger-month-amount.js';
import { LedgerReportsRepository } from './ledger-reports.repository.js';

/**
 * The ledger's read port for reports (dues, events): money per payment and UTC month, so a feature
 * can group it by what it knows about its own payments without naming the ledger's tables.
 */
@Injectable()
export class LedgerReports {
  constructor(private readonly ledger: LedgerReportsRepository) {}

  /** Payments of `purpose` received in [from, to), and refunds of them settled in [from, to). One statement. */
  moneyByPaymentAndMonth(purpose: PaymentPurpose, from: Date, to: Date): Promise<LedgerMonthFigures> {
    return this.ledger.moneyByPaymentAndMonth(purpose, from, to);
  }
}
