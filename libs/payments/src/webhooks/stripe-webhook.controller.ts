import { BadRequestException, Controller, HttpCode, Inject, InternalServerErrorException, Post, Req, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { StripeEventSource } from '../events/stripe-event.entity.js';
import { StripeGateway } from '../stripe/stripe-gateway.js';
import { verifyStripeWebhook, WebhookSignatureError } from '../stripe/webhook-signature.js';
import { StripeEventDispatcher } from './stripe-event-dispatcher.service.js';

/**
 * POST /webhooks/stripe, the platform's one Stripe endpoint: verifies the signature, then hands the
 * event to the dispatcher, which routes it to the feature that created its object (dues, event
 * seats). 400 for a bad, missing, stale or future signature (nothing stored); 200 only once the event
 * and its effect are committed (ignored types too); 500 when applying failed, so Stripe delivers it
 * again; 503 when Stripe is not configured.
 */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly dispatcher: StripeEventDispatcher,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  @Post('stripe')
  @HttpCode(200)
  async receive(@Req() req: Request & { rawBody?: Buffer; id?: string }): Promise<{ received: true; outcome: string }> {
    if (!this.gateway.webhooksConfigured) throw new ServiceUnavailableException({ message: 'Stripe webhooks are not configured on this server' });
    let event;
    try {
      event = verifyStripeWebhook(this.gateway.client(), req.rawBody, req.headers['stripe-signature'], this.gateway.settings.webhookSecret!);
    } catch (error) {
      if (error instanceof WebhookSignatureError) throw new BadRequestException({ message: error.message, reason: error.problem });
      throw error;
    }
    try {
      const result = await this.dispatcher.dispatch(event, StripeEventSource.WEBHOOK);
      return { received: true, outcome: result.outcome };
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, type: event.type, requestId: req.id, context: 'stripe-webhook' }, 'Stripe event failed; Stripe will retry it');
      throw new InternalServerErrorException({ message: 'The event could not be applied; it will be retried' });
    }
  }
}
