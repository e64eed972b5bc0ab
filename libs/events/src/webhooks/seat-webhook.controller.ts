import { BadRequestException, Controller, Headers, HttpCode, Inject, Post, Req, ServiceUnavailableException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import Stripe from 'stripe';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { stripeClient } from '../payments/stripe-event-payments.js';
import { SeatPaymentsService } from '../seat-payments.service.js';
import { seatWebhookHandlers, type SeatWebhookHandler } from './seat-webhook.handlers.js';

const TOLERANCE_SECONDS = 300;

/**
 * POST /webhooks/stripe/events: Stripe's events about seat payments (a webhook endpoint of its own,
 * so it never collides with the dues endpoint at /webhooks/stripe). Raw body + signature check
 * (future timestamps refused too), a table from event type to handler, 2xx for types and sessions
 * that are not ours, non-2xx on failure so Stripe retries.
 */
@Controller('webhooks/stripe/events')
export class SeatWebhookController {
  private readonly stripe: Stripe | undefined;
  private readonly handlers: Record<string, SeatWebhookHandler>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    seats: SeatPaymentsService,
  ) {
    this.stripe = stripeClient(config);
    this.handlers = seatWebhookHandlers(seats);
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature: string | undefined): Promise<{ received: true; handled: boolean }> {
    const secret = this.config.stripe.webhookSecret;
    if (!this.stripe || !secret) throw new ServiceUnavailableException('Stripe webhooks are not configured');
    const event = this.verify(req.rawBody, signature, secret);
    const handler = this.handlers[event.type];
    if (!handler) return { received: true, handled: false };
    await handler(event);
    return { received: true, handled: true };
  }

  private verify(rawBody: Buffer | undefined, signature: string | undefined, secret: string): Stripe.Event {
    if (!rawBody?.length || !signature) throw new BadRequestException('A signed Stripe event is required');
    const timestamp = /(?:^|,)\s*t=(\d+)/.exec(signature)?.[1];
    const now = Math.floor(Date.now() / 1000);
    if (!timestamp || Number(timestamp) > now + TOLERANCE_SECONDS) throw new BadRequestException('The Stripe signature timestamp is missing or in the future');
    try {
      return this.stripe!.webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS);
    } catch {
      throw new BadRequestException('The Stripe signature does not match');
    }
  }
}
