import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a reconciliation pass over Stripe's event list got to (the newest event it saw). */
@Entity('stripe_sync_cursors')
export class StripeSyncCursorEntity {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) lastEventId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) lastEventCreatedAt: Date | null;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
