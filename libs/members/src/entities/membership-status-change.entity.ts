import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MembershipEntity } from './membership.entity.js';

/** Every status change of a membership: who (null: the system), when, from, to, why. */
@Entity('membership_status_changes')
@Index('membership_status_changes_membership_idx', ['membershipId', 'createdAt'])
@Index('membership_status_changes_created_idx', ['createdAt', 'toStatus', 'fromStatus'])
@Index('membership_status_changes_to_created_idx', ['toStatus', 'createdAt'])
export class MembershipStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne(() => MembershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<MembershipEntity>;
  @Column({ type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ type: 'text' }) toStatus: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
