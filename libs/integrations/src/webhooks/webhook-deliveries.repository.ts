import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, SecretBox, toConnection } from '../../../core/src/index.js';
import { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WEBHOOK_PREVIOUS_SECRET, WEBHOOK_SECRET } from './webhook-endpoints.repository.js';
import type { SendOutcome } from './webhook-sender.js';

/** A delivery with what sending it needs from its endpoint. */
export interface DeliveryToSend {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  retryWindowStart: Date;
  url: string;
  secret: string;
  /** The secret a roll replaced, while it still signs; else null. */
  previousSecret: string | null;
  enabled: boolean;
}

/** Attempts shown per delivery, newest first. */
export const ATTEMPTS_SHOWN = 50;

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(WebhookDeliveryEntity);
  }

  /** One delivery per endpoint for an event, in the caller's transaction; returns their ids. */
  async insertForEvent(manager: EntityManager, endpointIds: string[], event: { id: string; type: string }, body: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body)
       SELECT e, $2, $3, $4 FROM unnest($1::uuid[]) e
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [endpointIds, event.id, event.type, body],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes a lease on a pending delivery for one send (so two jobs for one delivery never both send)
   * and answers what to send, with the endpoint's secrets opened; undefined when it is not pending or another job holds it.
   */
  async lease(id: string, seconds: number): Promise<DeliveryToSend | undefined> {
    const [rows]: [DeliveryToSend[], number] = await this.dataSource.query(
      `UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => $2)
         FROM webhook_endpoints e
        WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())
        RETURNING d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.attempts,
                  d.retry_window_start AS "retryWindowStart", e.url, e.secret, e.enabled,
                  CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS "previousSecret"`,
      [id, seconds],
    );
    const row = rows[0];
    return row && { ...row, secret: this.box.open(WEBHOOK_SECRET, row.secret), previousSecret: row.previousSecret && this.box.open(WEBHOOK_PREVIOUS_SECRET, row.previousSecret) };
  }

  lockById(manager: EntityManager, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.repo(manager).createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async recordAttempt(manager: EntityManager, deliveryId: string, outcome: SendOutcome): Promise<void> {
    await manager.insert(WebhookAttemptEntity, {
      deliveryId,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      error: outcome.error,
      responseExcerpt: outcome.responseExcerpt,
    });
  }

  /** After an attempt: the new status, the count, and when to try next (null: not again). */
  async afterAttempt(manager: EntityManager, id: string, outcome: SendOutcome, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5, lease_until = NULL,
              delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [id, status, nextAttemptAt, outcome.statusCode, outcome.error],
    );
  }

  async markFailedUnsent(id: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'FAILED', last_error = $2, next_attempt_at = NULL, lease_until = NULL WHERE id = $1`, [id, reason]);
  }

  /** "Send again": pending once more, with a fresh retry window. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET status = 'PENDING', retry_window_start = now(), next_attempt_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  findById(id: string, manager?: EntityManager): Promise<WebhookDeliveryEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** One endpoint's deliveries, newest first, keyset-paged on (created_at, id). */
  async listForEndpoint(endpointId: string, args: { first?: number; after?: string }): Promise<ConnectionShape<WebhookDeliveryEntity>> {
    const first = pageSize(args.first);
    const filter = this.repo().createQueryBuilder('d').where('d.endpoint_id = :endpointId', { endpointId });
    const page = filter.clone();
    const after = decodeTimeIdCursor(args.after);
    if (after) page.andWhere('(d.created_at, d.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await page.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => filter.getCount()));
  }

  /** The newest attempts of each delivery (at most ATTEMPTS_SHOWN each), in the order of `deliveryIds`. */
  async attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttemptEntity[][]> {
    const rows: Array<WebhookAttemptEntity> = await this.dataSource.query(
      `SELECT a.id, a.delivery_id AS "deliveryId", a.attempted_at AS "attemptedAt", a.status_code AS "statusCode",
              a.latency_ms AS "latencyMs", a.error, a.response_excerpt AS "responseExcerpt"
         FROM unnest($1::uuid[]) AS d(id)
         CROSS JOIN LATERAL (
           SELECT * FROM webhook_delivery_attempts x WHERE x.delivery_id = d.id ORDER BY x.attempted_at DESC LIMIT $2
         ) a`,
      [deliveryIds, ATTEMPTS_SHOWN],
    );
    const byDelivery = new Map<string, WebhookAttemptEntity[]>();
    for (const row of rows) byDelivery.set(row.deliveryId, [...(byDelivery.get(row.deliveryId) ?? []), row]);
    return deliveryIds.map((id) => byDelivery.get(id) ?? []);
  }
}
