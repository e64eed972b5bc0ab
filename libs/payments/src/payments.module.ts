import { Global, Module } from '@nestjs/common';
import { StripeCustomersRepository } from './customers/stripe-customers.repository.js';
import { StripeCustomersService } from './customers/stripe-customers.service.js';
import { StripeEventsRepository } from './events/stripe-events.repository.js';
import { StripeSyncRuns } from './events/stripe-sync-runs.service.js';
import { SyncCursorsRepository } from './events/sync-cursors.repository.js';
import { LedgerReportsRepository } from './ledger/ledger-reports.repository.js';
import { LedgerReports } from './ledger/ledger-reports.service.js';
import { PaymentLedger } from './ledger/payment-ledger.service.js';
import { PaymentsRepository } from './ledger/payments.repository.js';
import { PaymentsResolver } from './ledger/payments.resolver.js';
import { MemberPaymentsResolver } from './ledger/member-payments.resolver.js';
import { PaymentsService } from './ledger/payments.service.js';
import { RefundLedger } from './ledger/refund-ledger.service.js';
import { RefundsRepository } from './ledger/refunds.repository.js';
import { StripeRefundsSync } from './ledger/stripe-refunds-sync.service.js';
import { stripeProviders } from './stripe/stripe-client.provider.js';
import { StripeGateway } from './stripe/stripe-gateway.js';
import { StripeEventDispatcher } from './webhooks/stripe-event-dispatcher.service.js';
import { StripeEventReplay } from './webhooks/stripe-event-replay.service.js';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller.js';
import { PaymentsPersonalDataRepository } from './privacy/payments-personal-data.repository.js';

/**
 * The Stripe boundary (client, customers, the one webhook endpoint and its dispatcher, event replay)
 * and the payments ledger shared by dues and events, which they write only through PaymentLedger.
 * Global: every feature that takes payments uses it. Repositories stay inside.
 */
@Global()
@Module({
  controllers: [StripeWebhookController],
  providers: [
    PaymentsPersonalDataRepository,
    ...stripeProviders,
    StripeGateway,
    StripeCustomersRepository,
    StripeCustomersService,
    StripeEventsRepository,
    SyncCursorsRepository,
    StripeSyncRuns,
    StripeEventDispatcher,
    StripeEventReplay,
    PaymentsRepository,
    RefundsRepository,
    RefundLedger,
    PaymentLedger,
    LedgerReportsRepository,
    LedgerReports,
    StripeRefundsSync,
    PaymentsService,
    PaymentsResolver,
    MemberPaymentsResolver,
  ],
  exports: [StripeGateway, StripeCustomersService, StripeSyncRuns, StripeEventDispatcher, StripeEventReplay, RefundLedger, PaymentLedger, LedgerReports, StripeRefundsSync],
})
export class PaymentsModule {}
