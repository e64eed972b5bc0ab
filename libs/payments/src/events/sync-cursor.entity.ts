import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a reconciliation pass over Stripe's event list got to (the newest event it saw), and the
 * lease of the run in progress, if any (`runHolder` until `runUntil`): one run at a time, without
 * holding a connection for the run's length.
 */
@Entity('stripe_sync_cursors')
export class StripeSyncCursorEntity {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) lastEventId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) lastEventCreatedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) runHolder: string | null;
  @Column({ type: 'timestamptz', nullable: true }) runUntil: Date | null;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
