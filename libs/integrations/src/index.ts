export * from './integrations.module.js';
export * from './webhooks/webhook-deliveries.service.js';
export * from './webhooks/webhook-signature.js';
export * from './webhooks/webhook.types.js';

import { WebhookAttemptEntity } from './webhooks/webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './webhooks/webhook-endpoint.entity.js';
export const INTEGRATIONS_ENTITIES = [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
