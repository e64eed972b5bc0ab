import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export enum TierChangeStatus {
  PENDING = 'PENDING',
  APPLIED = 'APPLIED',
  CANCELLED = 'CANCELLED',
}

/** A tier change asked for, taking effect with the next paid period (at most one pending per membership). */
@Entity('dues_tier_changes')
@Check('dues_tier_changes_status_check', `status IN ('PENDING', 'APPLIED', 'CANCELLED')`)
@Index('dues_tier_changes_one_pending_uq', ['membershipId'], { unique: true, where: `status = 'PENDING'` })
@Index('dues_tier_changes_membership_idx', ['membershipId', 'createdAt'])
export class DuesTierChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne('MembershipEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<object>;
  @Column({ type: 'uuid' }) fromTierId: string;
  @Column({ type: 'uuid' }) toTierId: string;
  @ManyToOne('MembershipTierEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_tier_id' })
  toTier?: Relation<object>;
  @Column({ type: 'text' }) status: TierChangeStatus;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  /** The end of the period running when it was asked for (null: with the first payment). */
  @Column({ type: 'timestamptz', nullable: true }) effectiveAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) settledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
