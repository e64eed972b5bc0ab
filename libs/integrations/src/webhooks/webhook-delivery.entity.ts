import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Given up after the retry window, or the endpoint was switched off. */
  FAILED = 'FAILED',
}

/** One event for one endpoint, written in the transaction that made the fact; the body is sent byte for byte on each attempt. */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index('webhook_deliveries_event_uq', ['endpointId', 'eventId'], { unique: true })
@Index('webhook_deliveries_endpoint_created_idx', ['endpointId', 'createdAt', 'id'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) endpointId: string;
  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: Relation<WebhookEndpointEntity>;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) eventType: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', default: WebhookDeliveryStatus.PENDING }) status: WebhookDeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  /** Start of the current 3-day retry window (creation, or the last "send again"). */
  @Column({ type: 'timestamptz', default: () => 'now()' }) retryWindowStart: Date;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null;
  /** While a job sends it: no second job sends the same delivery meanwhile. */
  @Column({ type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ type: 'int', nullable: true }) lastStatusCode: number | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
