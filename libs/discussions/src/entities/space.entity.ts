import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SpaceKind } from '../discussions.enums.js';

/**
 * A discussion space. A FORUM stands alone (staff create it); every other kind belongs to one place
 * (a study group, cohort, mentoring pair or event), made the first time someone reaches it: one per
 * place, held by a partial unique index whatever the timing.
 */
@Entity('discussion_spaces')
@Index('discussion_spaces_place_uq', ['kind', 'placeId'], { unique: true, where: 'place_id IS NOT NULL' })
@Index('discussion_spaces_forums_idx', ['kind', 'title', 'id'])
@Check('discussion_spaces_kind_check', `kind IN ('FORUM', 'STUDY_GROUP', 'COHORT', 'PAIR', 'EVENT')`)
@Check('discussion_spaces_place_check', `(kind = 'FORUM') = (place_id IS NULL)`)
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: SpaceKind;
  /** The study group, cohort, pair or event (null for a forum). */
  @Column({ type: 'uuid', nullable: true }) placeId: string | null;
  /** A forum's title; a place's space takes the place's current name instead. */
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** Forums only: true = members in good standing read, false = anyone reads. */
  @Column({ type: 'boolean', default: true }) membersOnly: boolean;
  /** Q&A forums: a thread's author (or a moderator) may mark one reply as the answer. */
  @Column({ type: 'boolean', default: false }) questionsAndAnswers: boolean;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<object>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
