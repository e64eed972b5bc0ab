import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StudyGroupEntity } from './study-group.entity.js';

/** One person's place in a pairing round: (group, round, person) is unique, so nobody is in two pairs of a round. */
@Entity('accountability_partners')
@Index('accountability_partners_round_pair_idx', ['groupId', 'round', 'pairNo'])
@Index('accountability_partners_user_idx', ['userId'])
export class AccountabilityPartnerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'accountability_partners_pkey' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'accountability_partners_pkey' }) round: number;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'accountability_partners_pkey' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'smallint' }) pairNo: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
