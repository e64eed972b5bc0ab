import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';

/**
 * A person's profile (shown in the member directory when directoryVisible and in good standing).
 * One row per account: the migration made one for each, and a trigger on `users` makes one for each
 * new account and refreshes `searchVector` when the name changes.
 */
@Entity('member_profiles')
@Index('member_profiles_directory_idx', { synchronize: false })
export class MemberProfileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_member_profiles' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_member_profiles_user' })
  user?: Relation<object>;
  @Column({ type: 'text', nullable: true }) headline: string | null;
  @Column({ type: 'text', nullable: true }) bio: string | null;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'text', nullable: true }) employer: string | null;
  @Index('member_profiles_skills_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];
  @Column({ type: 'boolean', default: false }) directoryVisible: boolean;
  /** Full-text search over the person's name, headline, skills and location; kept current by triggers. GIN-indexed. */
  @Index('member_profiles_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
