import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type SealedColumn, SecretBox, SecretsAtRest } from '../../../core/src/index.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

/** Sealed on insert and roll here; opened where a delivery is leased for sending (WebhookDeliveriesRepository). */
export const WEBHOOK_SECRET: SealedColumn = { table: 'webhook_endpoints', key: 'id', column: 'secret' };
export const WEBHOOK_PREVIOUS_SECRET: SealedColumn = { table: 'webhook_endpoints', key: 'id', column: 'previous_secret' };

@Injectable()
export class WebhookEndpointsRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly secretsAtRest: SecretsAtRest,
  ) {}

  onModuleInit(): void {
    this.secretsAtRest.register(WEBHOOK_SECRET);
    this.secretsAtRest.register(WEBHOOK_PREVIOUS_SECRET);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(WebhookEndpointEntity);
  }

  /** Serialises creations so the count below holds (one statement per transaction, released at its end). */
  async lockForCreate(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_endpoints.create'))`);
  }

  count(manager: EntityManager): Promise<number> {
    return this.repo(manager).count();
  }

  insert(manager: EntityManager, endpoint: Pick<WebhookEndpointEntity, 'url' | 'description' | 'events' | 'secret' | 'createdBy'>): Promise<WebhookEndpointEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...endpoint, secret: this.box.seal(WEBHOOK_SECRET, endpoint.secret) }));
  }

  lockById(manager: EntityManager, id: string): Promise<WebhookEndpointEntity | null> {
    return this.repo(manager).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Gives the endpoint (locked by the caller) a new secret; the one it had signs beside it for `keepPreviousHours`
   * more hours (0: not at all). Answers the endpoint as stored.
   */
  async rollSecret(manager: EntityManager, endpoint: WebhookEndpointEntity, secret: string, keepPreviousHours: number): Promise<WebhookEndpointEntity> {
    const previous = keepPreviousHours > 0 ? this.box.seal(WEBHOOK_PREVIOUS_SECRET, this.box.open(WEBHOOK_SECRET, endpoint.secret)) : null;
    await manager.query(
      `UPDATE webhook_endpoints
          SET secret = $2, previous_secret = $3, updated_at = now(),
              previous_secret_expires_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() + make_interval(hours => $4) END
        WHERE id = $1`,
      [endpoint.id, this.box.seal(WEBHOOK_SECRET, secret), previous, keepPreviousHours],
    );
    return (await this.repo(manager).findOneBy({ id: endpoint.id }))!;
  }

  save(manager: EntityManager, endpoint: WebhookEndpointEntity): Promise<WebhookEndpointEntity> {
    return this.repo(manager).save(endpoint);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  list(limit: number): Promise<WebhookEndpointEntity[]> {
    return this.repo().find({ order: { createdAt: 'ASC', id: 'ASC' }, take: limit });
  }

  exists(id: string): Promise<boolean> {
    return this.repo().existsBy({ id });
  }

  /** Endpoints switched on and subscribed to `type`, in the caller's transaction. */
  async subscribedTo(manager: EntityManager, type: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM webhook_endpoints WHERE enabled AND $1 = ANY(events)`, [type]);
    return rows.map((r) => r.id);
  }

  async markSucceeded(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [id]);
  }

  /** Records that the endpoint is failing; answers since when (the first failure after the last success). */
  async markFailing(manager: EntityManager, id: string): Promise<Date> {
    const [rows]: [Array<{ failing_since: Date }>, number] = await manager.query(
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, now()) WHERE id = $1 RETURNING failing_since`,
      [id],
    );
    return new Date(rows[0].failing_since);
  }

  /** Switches the endpoint off with a reason; false when it was already off. */
  async disable(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND enabled`,
      [id, reason],
    );
    return changed > 0;
  }
}
