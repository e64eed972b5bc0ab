import type { PaymentEntity } from './payment.entity.js';

/** What a feature hands PaymentLedger.recordPayment: the ledger fills in id, status, refunds and times. */
export type NewPayment = Omit<PaymentEntity, 'id' | 'createdAt' | 'updatedAt' | 'user' | 'amountRefunded' | 'status'>;
