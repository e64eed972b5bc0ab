import { Module } from '@nestjs/common';
import { StripeCustomersRepository } from './customers/stripe-customers.repository.js';
import { StripeCustomersService } from './customers/stripe-customers.service.js';
import { StripeEventsRepository } from './events/stripe-events.repository.js';
import { SyncCursorsRepository } from './events/sync-cursors.repository.js';
import { PaymentsRepository } from './ledger/payments.repository.js';
import { PaymentsResolver } from './ledger/payments.resolver.js';
import { PaymentsService } from './ledger/payments.service.js';
import { RefundLedger } from './ledger/refund-ledger.service.js';
import { RefundsRepository } from './ledger/refunds.repository.js';
import { stripeProviders } from './stripe/stripe-client.provider.js';
import { StripeGateway } from './stripe/stripe-gateway.js';

/** The Stripe adapter (client, customers, event store) and the payments ledger shared by dues and events. */
@Module({
  providers: [
    ...stripeProviders,
    StripeGateway,
    StripeCustomersRepository,
    StripeCustomersService,
    StripeEventsRepository,
    SyncCursorsRepository,
    PaymentsRepository,
    PaymentsService,
    PaymentsResolver,
    RefundsRepository,
    RefundLedger,
  ],
  exports: [
    StripeGateway,
    StripeCustomersService,
    StripeCustomersRepository,
    StripeEventsRepository,
    SyncCursorsRepository,
    PaymentsRepository,
    RefundsRepository,
    RefundLedger,
  ],
})
export class PaymentsModule {}
