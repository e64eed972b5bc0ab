import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

/** One HTTP attempt of a delivery: what the receiver answered and how long it took. */
@Entity('webhook_delivery_attempts')
@Index('webhook_delivery_attempts_delivery_idx', ['deliveryId', 'attemptedAt'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) deliveryId: string;
  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Relation<WebhookDeliveryEntity>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) attemptedAt: Date;
  /** Null when no HTTP answer came (refused, timed out, connection failed). */
  @Column({ type: 'int', nullable: true }) statusCode: number | null;
  @Column({ type: 'int' }) latencyMs: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  /** The first characters of the answer, for staff debugging a receiver. */
  @Column({ type: 'text', nullable: true }) responseExcerpt: string | null;
}
