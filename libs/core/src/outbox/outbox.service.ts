import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../graphql/connection.js';
import { type OutboxAttachment, OutboxMessageEntity, OutboxStatus } from './outbox-message.entity.js';
import { OutboxMessagesArgs } from './outbox-message.type.js';
import { addJobSql } from '../jobs/enqueue.js';

export const DELIVER_EMAIL_TASK = 'deliver-email';
/** How often a delivery is tried before the message is given up on. */
const DELIVERY_ATTEMPTS = 10;

export interface OutgoingEmail {
  to: string;
  recipientUserId?: string | null;
  template: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text` (sent as multipart/alternative). */
  html?: string;
  /** Where replies go (null: MAIL_FROM). */
  replyTo?: string | null;
  /** A message with a key already used is not written again: "never twice" lives here. */
  dedupeKey?: string;
  attachments?: OutboxAttachment[];
}

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the message and schedules its delivery inside the caller's transaction: if the change
   * rolls back, no email exists; if it commits, the job runner will deliver it.
   * Returns false when a message with the same dedupe key already exists.
   */
  async enqueue(manager: EntityManager, email: OutgoingEmail): Promise<boolean> {
    // The message and its delivery job in one statement: no job when the dedupe key was taken already.
    const rows: Array<{ id: string }> = await manager.query(
      `WITH message AS (
         INSERT INTO outbox_messages (to_address, recipient_user_id, template, subject, body_text, dedupe_key, attachments, body_html, reply_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id)
       SELECT id, ${addJobSql({ task: '$10', payload: `('{"messageId":"' || id || '"}')::json`, runAt: 'NULL::timestamptz', maxAttempts: '$11::int', jobKey: 'NULL::text' })}
         FROM message`,
      [
        email.to,
        email.recipientUserId ?? null,
        email.template,
        email.subject,
        email.text,
        email.dedupeKey ?? null,
        email.attachments?.length ? JSON.stringify(email.attachments) : null,
        email.html ?? null,
        email.replyTo ?? null,
        DELIVER_EMAIL_TASK,
        DELIVERY_ATTEMPTS,
      ],
    );
    return rows.length > 0;
  }

  async list(args: OutboxMessagesArgs): Promise<ConnectionShape<OutboxMessageEntity>> {
    const first = pageSize(args.first);
    const filter = this.dataSource.getRepository(OutboxMessageEntity).createQueryBuilder('m');
    if (args.status) filter.andWhere('m.status = :status', { status: args.status });
    if (args.to) filter.andWhere('m.to_address = :to', { to: args.to.toLowerCase() });
    if (args.template) filter.andWhere('m.template = :template', { template: args.template });
    const page = filter.clone();
    const after = decodeTimeIdCursor(args.after);
    if (after) page.andWhere('(m.created_at, m.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await page.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => filter.getCount()));
  }

  async markDelivered(id: string, status: OutboxStatus.SENT | OutboxStatus.KEPT): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages SET status = $2, delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
      [id, status],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages SET status = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`,
      [id, OutboxStatus.FAILED, error.slice(0, 2000)],
    );
  }

  async findPending(id: string): Promise<OutboxMessageEntity | null> {
    return this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .where('m.id = :id', { id })
      .andWhere('m.status IN (:...statuses)', { statuses: [OutboxStatus.PENDING, OutboxStatus.FAILED] })
      .getOne();
  }
}
