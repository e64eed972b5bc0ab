import { Module } from '@nestjs/common';
import { WebhookAttemptsLoader } from './webhooks/webhook-attempts.loader.js';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository.js';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service.js';
import { WebhookEndpointsRepository } from './webhooks/webhook-endpoints.repository.js';
import { WebhookEndpointsService } from './webhooks/webhook-endpoints.service.js';
import { WebhookSender } from './webhooks/webhook-sender.js';
import { WebhookDeliveriesResolver, WebhookEndpointsResolver } from './webhooks/webhooks.resolver.js';

/** Outgoing webhooks: endpoints, deliveries fed by core's DomainEvents, and their sending job. */
@Module({
  providers: [
    WebhookSender,
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookAttemptsLoader,
    WebhookEndpointsResolver,
    WebhookDeliveriesResolver,
  ],
  exports: [WebhookDeliveriesService],
})
export class IntegrationsModule {}
