import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  type ConnectionShape,
  type DomainEvent,
  DomainEvents,
  enqueue,
  JobRegistry,
  notFound,
  OutboxService,
  type Viewer,
} from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';
import { nextAttemptAt, RETRY_WINDOW_MS } from './webhook-backoff.js';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { type DeliveryToSend, WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookSender } from './webhook-sender.js';
import { signatureHeader } from './webhook-signature.js';

export const DELIVER_WEBHOOK_TASK = 'deliver-webhook';

/**
 * Domain events become one delivery per subscribed endpoint, written with the fact's own transaction;
 * the job runner sends each (signed, with a lease so no two jobs send one delivery), retries with
 * exponential backoff for 3 days, and switches off an endpoint that failed throughout (emailing admins).
 */
@Injectable()
export class WebhookDeliveriesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly sender: WebhookSender,
    private readonly domainEvents: DomainEvents,
    private readonly jobs: JobRegistry,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.domainEvents.listen((manager, event) => this.recordEvent(manager, event));
    this.jobs.register(DELIVER_WEBHOOK_TASK, (payload) => this.deliver((payload as { deliveryId: string }).deliveryId));
  }

  async recordEvent(manager: EntityManager, event: DomainEvent): Promise<void> {
    const endpointIds = await this.endpoints.subscribedTo(manager, event.type);
    if (!endpointIds.length) return;
    const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
    for (const id of await this.deliveries.insertForEvent(manager, endpointIds, event, body)) {
      await enqueue(manager, DELIVER_WEBHOOK_TASK, { deliveryId: id }, { jobKey: jobKey(id), maxAttempts: 5 });
    }
  }

  /** One attempt. The HTTP call holds no connection or transaction; its outcome is written afterwards. */
  async deliver(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.lease(deliveryId, Math.ceil(this.config.webhooks.timeoutMs / 1000) + 30);
    if (!delivery) return; // delivered, given up, or another job is sending it
    if (!delivery.enabled) {
      await this.deliveries.markFailedUnsent(deliveryId, 'The endpoint is switched off');
      return;
    }
    const outcome = await this.sender.send(delivery.url, headersFor(delivery), delivery.body);
    await this.dataSource.transaction(async (manager) => {
      await this.deliveries.recordAttempt(manager, deliveryId, outcome);
      if (outcome.ok) {
        await this.deliveries.afterAttempt(manager, deliveryId, outcome, WebhookDeliveryStatus.DELIVERED, null);
        await this.endpoints.markSucceeded(manager, delivery.endpointId);
        return;
      }
      const failingSince = await this.endpoints.markFailing(manager, delivery.endpointId);
      const now = new Date();
      const next = nextAttemptAt(delivery.attempts + 1, new Date(delivery.retryWindowStart), now);
      if (next) {
        await this.deliveries.afterAttempt(manager, deliveryId, outcome, WebhookDeliveryStatus.PENDING, next);
        await enqueue(manager, DELIVER_WEBHOOK_TASK, { deliveryId }, { jobKey: jobKey(deliveryId), runAt: next, maxAttempts: 5 });
        return;
      }
      await this.deliveries.afterAttempt(manager, deliveryId, outcome, WebhookDeliveryStatus.FAILED, null);
      if (now.getTime() - failingSince.getTime() >= RETRY_WINDOW_MS) await this.disableFailing(manager, delivery);
    });
  }

  /** "Send again": the same event id, a fresh retry window, sent by the job runner now. */
  async resend(viewer: Viewer, deliveryId: string, requestId: string): Promise<WebhookDeliveryEntity> {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.deliveries.lockById(manager, deliveryId);
      if (!delivery) throw notFound('Webhook delivery');
      await this.deliveries.requeue(manager, deliveryId);
      await enqueue(manager, DELIVER_WEBHOOK_TASK, { deliveryId }, { jobKey: jobKey(deliveryId), maxAttempts: 5 });
      await this.audit.record(manager, { actorId: viewer.id, action: 'webhook.delivery.resend', targetType: 'WebhookDelivery', targetId: deliveryId, requestId });
      return (await this.deliveries.findById(deliveryId, manager))!;
    });
  }

  async list(endpointId: string, args: { first?: number; after?: string }): Promise<ConnectionShape<WebhookDeliveryEntity>> {
    if (!(await this.endpoints.exists(endpointId))) throw notFound('Webhook endpoint');
    return this.deliveries.listForEndpoint(endpointId, args);
  }

  private async disableFailing(manager: EntityManager, delivery: DeliveryToSend): Promise<void> {
    const reason = 'Every attempt failed for 3 days';
    if (!(await this.endpoints.disable(manager, delivery.endpointId, reason))) return;
    await this.audit.record(manager, { actorId: null, action: 'webhook.endpoint.autoDisable', targetType: 'WebhookEndpoint', targetId: delivery.endpointId, after: { reason } });
    for (const admin of await this.users.adminContacts(manager)) {
      await this.outbox.enqueue(manager, {
        to: admin.email,
        recipientUserId: admin.id,
        template: 'webhook-endpoint-disabled',
        subject: 'A webhook endpoint was switched off',
        text: `Dear ${admin.fullName},\n\nThe webhook endpoint ${delivery.url} failed every attempt for 3 days and has been switched off. Fix the receiver, then switch it on again and send the failed deliveries again from the delivery log.`,
        dedupeKey: `webhook-endpoint-disabled:${delivery.endpointId}:${delivery.id}`,
      });
    }
  }
}

const jobKey = (deliveryId: string) => `webhook:${deliveryId}`;

function headersFor(delivery: DeliveryToSend): Record<string, string> {
  return {
    'guildhall-signature': signatureHeader(delivery.previousSecret ? [delivery.secret, delivery.previousSecret] : [delivery.secret], delivery.body, new Date()),
    'guildhall-event-id': delivery.eventId,
    'guildhall-event-type': delivery.eventType,
    'guildhall-delivery-id': delivery.id,
  };
}
