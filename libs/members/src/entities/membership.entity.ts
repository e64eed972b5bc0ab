import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { MembershipStatus } from '../membership.enums.js';
import { MembershipTierEntity } from './membership-tier.entity.js';

/**
 * A person's membership of a tier. At most one per person is current (pending, active or in grace):
 * a partial unique index enforces it, whatever the concurrency.
 */
@Entity('memberships')
@Index('memberships_one_current_per_user_uq', ['userId'], {
  unique: true,
  where: `status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE')`,
})
@Index('memberships_user_created_idx', ['userId', 'createdAt'])
@Index('memberships_tier_status_idx', ['tierId', 'status'])
@Index('memberships_status_period_end_idx', ['status', 'currentPeriodEnd'])
@Index('memberships_started_idx', ['startedAt'])
@Check(
  'memberships_status_check',
  `status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE', 'LAPSED', 'CANCELLED', 'DECLINED')`,
)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'uuid' }) tierId: string;
  @ManyToOne(() => MembershipTierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tier_id' })
  tier?: Relation<MembershipTierEntity>;
  @Column({ type: 'text' }) status: MembershipStatus;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  /** Null with an ACTIVE status means lifetime. */
  @Column({ type: 'timestamptz', nullable: true }) currentPeriodEnd: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) graceEndsAt: Date | null;
  @Column({ type: 'boolean', default: false }) autoRenew: boolean;
  @Column({ type: 'boolean', default: false }) complimentary: boolean;
  /** Set when cancellation was asked for; the membership stays valid to the end of its period. */
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'text', nullable: true }) declineReason: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
