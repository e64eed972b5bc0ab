import { Global, Module } from '@nestjs/common';
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
import { StripeEventListeners } from './stripe/stripe-event-listeners.js';
import { StripeGateway } from './stripe/stripe-gateway.js';

/** The Stripe adapter (client, customers, event store, event listeners) and the payments ledger shared by dues and events. Global: every feature that takes payments uses it. */
@Global()
@Module({
  providers: [
    ...stripeProviders,
    StripeGateway,
    StripeEventListeners,
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
    StripeEventListeners,
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
