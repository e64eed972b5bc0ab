import { Module } from '@nestjs/common';
import { MembersModule } from '../../members/src/index.js';
import { PaymentsModule } from '../../payments/src/index.js';
import { DuesAdminResolver } from './admin/dues-admin.resolver.js';
import { TierCatalogService } from './catalog/tier-catalog.service.js';
import { TierPricesRepository } from './catalog/tier-prices.repository.js';
import { BillingPortalService } from './checkout/billing-portal.service.js';
import { CheckoutSessionsRepository } from './checkout/checkout-sessions.repository.js';
import { CheckoutResolver } from './checkout/checkout.resolver.js';
import { CheckoutService } from './checkout/checkout.service.js';
import { DuesMailer } from './fulfilment/dues-mailer.service.js';
import { DuesPaymentsRepository } from './fulfilment/dues-payments.repository.js';
import { FulfilmentService } from './fulfilment/fulfilment.service.js';
import { MembershipExtensionService } from './fulfilment/membership-extension.service.js';
import { OfflinePaymentsService } from './offline/offline-payments.service.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { ReconcileRunsRepository } from './reconciliation/reconcile-runs.repository.js';
import { RefundsService } from './refunds/refunds.service.js';
import { DuesReportService } from './reports/dues-report.service.js';
import { DuesCollectedReport } from './reports/dues-collected.report.js';
import { DuesCollectedResolver } from './reports/dues-collected.resolver.js';
import { AutoRenewService } from './subscriptions/auto-renew.service.js';
import { DuesSubscriptionsRepository } from './subscriptions/dues-subscriptions.repository.js';
import { DunningService } from './subscriptions/dunning.service.js';
import { MembershipBillingResolver } from './subscriptions/membership-billing.resolver.js';
import { MembershipTierChangeResolver } from './subscriptions/membership-tier-change.resolver.js';
import { StopBillingService } from './subscriptions/stop-billing.service.js';
import { SubscriptionStateService } from './subscriptions/subscription-state.service.js';
import { TierChangeService } from './subscriptions/tier-change.service.js';
import { TierChangesLoader } from './subscriptions/tier-changes.loader.js';
import { TierChangesRepository } from './subscriptions/tier-changes.repository.js';
import { DuesSyncWriter } from './sync/dues-sync-writer.service.js';
import { StripeReader } from './sync/stripe-reader.service.js';
import { CheckoutSessionHandler, InvoiceHandler, SubscriptionHandler } from './webhooks/handlers/dues-object.handlers.js';
import { DuesStripeListener } from './webhooks/dues-stripe.listener.js';

/** Dues through Stripe: checkout, fulfilment, Stripe event handlers (registered with payments' dispatcher), renewals, refunds, reconciliation, reports. */
@Module({
  imports: [MembersModule, PaymentsModule],
  providers: [
    TierPricesRepository,
    TierCatalogService,
    CheckoutSessionsRepository,
    CheckoutService,
    BillingPortalService,
    CheckoutResolver,
    DuesPaymentsRepository,
    DuesMailer,
    MembershipExtensionService,
    FulfilmentService,
    DuesSubscriptionsRepository,
    SubscriptionStateService,
    DunningService,
    TierChangesRepository,
    TierChangeService,
    AutoRenewService,
    StopBillingService,
    MembershipBillingResolver,
    TierChangesLoader,
    MembershipTierChangeResolver,
    StripeReader,
    DuesSyncWriter,
    CheckoutSessionHandler,
    InvoiceHandler,
    SubscriptionHandler,
    DuesStripeListener,
    RefundsService,
    OfflinePaymentsService,
    ReconciliationService,
    ReconcileRunsRepository,
    DuesReportService,
    DuesCollectedReport,
    DuesCollectedResolver,
    DuesAdminResolver,
  ],
  exports: [ReconciliationService],
})
export class DuesModule {}
