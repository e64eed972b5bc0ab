import { Injectable, OnModuleInit } from '@nestjs/common';
import { StripeEventListeners } from '../../../payments/src/index.js';
import { SeatPaymentsService } from '../seat-payments.service.js';
import { seatWebhookHandlers } from './seat-webhook.handlers.js';

/**
 * Seat payments arrive on the platform's one Stripe endpoint (/webhooks/stripe): this registers the
 * events feature's handlers there. Sessions that are not seats are left alone (dues handles its own).
 */
@Injectable()
export class SeatWebhookListener implements OnModuleInit {
  constructor(
    private readonly listeners: StripeEventListeners,
    private readonly seats: SeatPaymentsService,
  ) {}

  onModuleInit(): void {
    const handlers = seatWebhookHandlers(this.seats);
    this.listeners.register('events.seats', async (event) => {
      await handlers[event.type]?.(event);
    });
  }
}
