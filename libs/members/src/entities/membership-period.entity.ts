import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PeriodSource } from '../membership.enums.js';
import { MembershipEntity } from './membership.entity.js';

/** A stretch of time a membership was (or will be) valid for, and what paid for it. */
@Entity('membership_periods')
@Index('membership_periods_membership_idx', ['membershipId', 'startsAt'])
@Index('membership_periods_source_ref_uq', ['membershipId', 'sourceRef'], { unique: true, where: 'source_ref IS NOT NULL' })
export class MembershipPeriodEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne(() => MembershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<MembershipEntity>;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  /** Null: lifetime. */
  @Column({ type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @Column({ type: 'text' }) source: PeriodSource;
  /**
   * What produced it (a payment id, an invoice id, an import line): unique per membership, so a
   * retried fulfilment cannot add the same period twice.
   */
  @Column({ type: 'text', nullable: true }) sourceRef: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
