import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../../../core/src/index.js';
import { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';

/** Attempts by delivery id, batched per request: one query for a whole page of the delivery log. */
@Injectable()
export class WebhookAttemptsLoader {
  constructor(private readonly deliveries: WebhookDeliveriesRepository) {}

  byDelivery(ctx: RequestContext): DataLoader<string, WebhookAttemptEntity[]> {
    return ctx.loaders.get('webhookAttempts.byDelivery', () => new DataLoader((ids: readonly string[]) => this.deliveries.attemptsOf(ids)));
  }
}
