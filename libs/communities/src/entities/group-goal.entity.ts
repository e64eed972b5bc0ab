import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { GoalStatus } from '../community.enums.js';
import { StudyGroupEntity } from './study-group.entity.js';

@Entity('group_goals')
@Index('group_goals_group_created_idx', ['groupId', 'createdAt', 'id'])
@Check('group_goals_status_check', `status IN ('OPEN', 'ACHIEVED', 'DROPPED')`)
@Check('group_goals_progress_check', `progress BETWEEN 0 AND 100 AND (status <> 'ACHIEVED' OR progress = 100)`)
export class GroupGoalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'date', nullable: true }) targetDate: string | null;
  @Column({ type: 'text', default: GoalStatus.OPEN }) status: GoalStatus;
  @Column({ type: 'smallint', default: 0 }) progress: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
