import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** Text content (UTF-8). */
  content: string;
}

export enum OutboxStatus {
  PENDING = 'PENDING',
  /** Sent through SMTP. */
  SENT = 'SENT',
  /** No SMTP configured: kept in the database for admins to read. */
  KEPT = 'KEPT',
  FAILED = 'FAILED',
}

/** An email written in the same transaction as the change it tells about; a job delivers it. */
@Entity('outbox_messages')
@Check('outbox_messages_status_check', `status IN ('PENDING', 'SENT', 'KEPT', 'FAILED')`)
@Index('outbox_messages_created_idx', ['createdAt', 'id'])
@Index('outbox_messages_recipient_idx', ['recipientUserId', 'createdAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'text' }) toAddress: string;
  @Column({ type: 'uuid', nullable: true }) recipientUserId: string | null;
  @Column({ type: 'text' }) template: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) bodyText: string;
  /** An HTML alternative of the same message, when its template has one. */
  @Column({ type: 'text', nullable: true }) bodyHtml: string | null;
  /** Files sent with the message (e.g. an event's .ics): small, text-only, kept with it. */
  @Column({ type: 'jsonb', nullable: true }) attachments: OutboxAttachment[] | null;
  /** Set when a message must never go twice (e.g. `renewal-reminder:30:<membership>:<period end>`). */
  @Index('outbox_messages_dedupe_key_uq', { unique: true })
  @Column({ type: 'text', nullable: true })
  dedupeKey: string | null;
  @Column({ type: 'text', default: OutboxStatus.PENDING }) status: OutboxStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
}
