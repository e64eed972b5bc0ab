import { Injectable, OnModuleInit } from '@nestjs/common';
import { StripeEventDispatcher, StripeRefundsSync } from '../../../payments/src/index.js';
import { EVENT_PAYMENT_PURPOSE } from '../payments/event-payments.port.js';
import { SeatPaymentsService } from '../seat-payments.service.js';
import { seatWebhookHandlers } from './seat-webhook.handlers.js';

/**
 * Seat payments arrive on the platform's one Stripe endpoint (/webhooks/stripe, owned by payments):
 * this registers the events feature there for the objects it creates (metadata.purpose = EVENT).
 * Webhooks and reconciliation both come through it.
 */
@Injectable()
export class SeatWebhookListener implements OnModuleInit {
  constructor(
    private readonly dispatcher: StripeEventDispatcher,
    private readonly seats: SeatPaymentsService,
    private readonly refunds: StripeRefundsSync,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register({ purpose: EVENT_PAYMENT_PURPOSE, handlers: seatWebhookHandlers(this.seats, this.refunds) });
  }
}
