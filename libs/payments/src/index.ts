// The payments library's public surface: the module, its services and ports, GraphQL types and
// enums. Never its repositories or entities: other libraries write the ledger through PaymentLedger.
export * from './payments.errors.js';
export * from './payments.module.js';
export * from './stripe/stripe-settings.js';
export * from './stripe/stripe-client.provider.js';
export * from './stripe/stripe-gateway.js';
export * from './stripe/stripe-error-mapping.js';
export * from './stripe/webhook-signature.js';
export * from './stripe/stripe-ids.js';
export * from './customers/stripe-customers.service.js';
export * from './events/stripe-event.enums.js';
export * from './events/stripe-sync-runs.service.js';
export * from './webhooks/stripe-event-handler.js';
export * from './webhooks/stripe-event-purpose.js';
export * from './webhooks/stripe-event-dispatcher.service.js';
export * from './webhooks/stripe-event-replay.service.js';
export * from './ledger/payment.enums.js';
export * from './ledger/payment.type.js';
export * from './ledger/refund-ledger.service.js';
export * from './ledger/payment-ledger.service.js';
export type { NewPayment } from './ledger/new-payment.js';
export * from './ledger/ledger-reports.service.js';
export type { LedgerMonthAmount, LedgerMonthFigures } from './ledger/ledger-month-amount.js';
export * from './ledger/stripe-refund-facts.js';
export * from './ledger/stripe-refunds-sync.service.js';

import { StripeCustomerEntity } from './customers/stripe-customer.entity.js';
import { StripeEventEntity } from './events/stripe-event.entity.js';
import { StripeSyncCursorEntity } from './events/sync-cursor.entity.js';
import { PaymentRefundEntity } from './ledger/payment-refund.entity.js';
import { PaymentEntity } from './ledger/payment.entity.js';
/** For the DataSource only. */
export const PAYMENTS_ENTITIES = [PaymentEntity, PaymentRefundEntity, StripeCustomerEntity, StripeEventEntity, StripeSyncCursorEntity];
export * from './ledger/payment-details.type.js';
export * from './ledger/payment-ledger-page.type.js';
