import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, notFound, type Viewer } from '../../../core/src/index.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.inputs.js';
import { PrivateTargetError, WebhookSender } from './webhook-sender.js';

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** At most this many endpoints (each event is written once per subscribed endpoint, in the business transaction). */
export const MAX_WEBHOOK_ENDPOINTS = 50;

@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly sender: WebhookSender,
    private readonly audit: AuditService,
  ) {}

  async create(viewer: Viewer, input: CreateWebhookEndpointInput, requestId: string): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    await this.checkTarget(input.url);
    const secret = newSecret();
    return this.dataSource.transaction(async (manager) => {
      await this.endpoints.lockForCreate(manager);
      if ((await this.endpoints.count(manager)) >= MAX_WEBHOOK_ENDPOINTS) {
        throw conflict(`At most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first`, 'TOO_MANY_ENDPOINTS');
      }
      const endpoint = await this.endpoints.insert(manager, {
        url: input.url,
        description: input.description ?? null,
        events: input.events,
        secret,
        createdBy: viewer.id,
      });
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'webhook.endpoint.create',
        targetType: 'WebhookEndpoint',
        targetId: endpoint.id,
        after: { url: endpoint.url, events: endpoint.events },
        requestId,
      });
      return { endpoint, secret };
    });
  }

  async update(viewer: Viewer, id: string, input: UpdateWebhookEndpointInput, requestId: string): Promise<WebhookEndpointEntity> {
    if (input.url !== undefined) await this.checkTarget(input.url);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.endpoints.lockById(manager, id);
      if (!endpoint) throw notFound('Webhook endpoint');
      const before = { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled };
      if (input.url !== undefined) endpoint.url = input.url;
      if (input.events !== undefined) endpoint.events = input.events;
      if (input.description !== undefined) endpoint.description = input.description;
      if (input.enabled !== undefined) {
        if (input.enabled && !endpoint.enabled) {
          endpoint.disabledReason = null;
          endpoint.failingSince = null;
        }
        endpoint.enabled = input.enabled;
      }
      const saved = await this.endpoints.save(manager, endpoint);
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'webhook.endpoint.update',
        targetType: 'WebhookEndpoint',
        targetId: id,
        before,
        after: { url: saved.url, events: saved.events, enabled: saved.enabled },
        requestId,
      });
      return saved;
    });
  }

  /** A new secret, shown once; the old one keeps signing beside it for `keepPreviousForHours` (audited, without either). */
  async rollSecret(viewer: Viewer, id: string, keepPreviousForHours: number, requestId: string): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const secret = newSecret();
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.endpoints.lockById(manager, id);
      if (!endpoint) throw notFound('Webhook endpoint');
      const rolled = await this.endpoints.rollSecret(manager, endpoint, secret, keepPreviousForHours);
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'webhook.endpoint.roll-secret',
        targetType: 'WebhookEndpoint',
        targetId: id,
        after: { previousSecretExpiresAt: rolled.previousSecretExpiresAt },
        requestId,
      });
      return { endpoint: rolled, secret };
    });
  }

  async delete(viewer: Viewer, id: string, requestId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.endpoints.lockById(manager, id);
      if (!endpoint) throw notFound('Webhook endpoint');
      await this.endpoints.delete(manager, id);
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'webhook.endpoint.delete',
        targetType: 'WebhookEndpoint',
        targetId: id,
        before: { url: endpoint.url, events: endpoint.events },
        requestId,
      });
      return true;
    });
  }

  list(): Promise<WebhookEndpointEntity[]> {
    return this.endpoints.list(MAX_WEBHOOK_ENDPOINTS);
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await this.sender.checkTarget(url);
    } catch (error) {
      if (error instanceof PrivateTargetError) throw badInput('input.url', 'is a private or loopback address', 'PRIVATE_TARGET');
      throw badInput('input.url', 'names a host that does not resolve', 'UNRESOLVABLE_HOST');
    }
  }
}
