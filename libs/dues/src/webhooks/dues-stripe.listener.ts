import { Injectable, OnModuleInit } from '@nestjs/common';
import { PaymentPurpose, StripeEventDispatcher, type StripeEventHandler, StripeRefundsSync } from '../../../payments/src/index.js';
import { EVENT_HANDLERS, type HandlerName } from './event-handlers.js';
import { CheckoutSessionHandler, InvoiceHandler, SubscriptionHandler } from './handlers/dues-object.handlers.js';

/**
 * Registers dues with payments' Stripe event dispatcher: objects whose purpose is DUES, and objects
 * with no purpose (dues' subscriptions, invoices and sessions made before purposes were set).
 */
@Injectable()
export class DuesStripeListener implements OnModuleInit {
  constructor(
    private readonly dispatcher: StripeEventDispatcher,
    private readonly checkoutSession: CheckoutSessionHandler,
    private readonly invoice: InvoiceHandler,
    private readonly subscription: SubscriptionHandler,
    private readonly charge: StripeRefundsSync,
  ) {}

  onModuleInit(): void {
    const byName: Record<HandlerName, StripeEventHandler<any>> = {
      checkoutSession: this.checkoutSession,
      invoice: this.invoice,
      subscription: this.subscription,
      charge: this.charge,
    };
    const handlers = Object.fromEntries(Object.entries(EVENT_HANDLERS).map(([type, name]) => [type, byName[name]]));
    this.dispatcher.register({ purpose: PaymentPurpose.DUES, untagged: true, handlers });
  }
}
