import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../../../core/src/index.js';

/** An account: one person, one email (stored lower-case, unique). */
@Entity('users')
@Check('users_role_check', `role IN ('USER', 'ADMIN')`)
@Check('users_email_lower_check', `email = lower(email)`)
@Index('users_created_idx', ['createdAt', 'id'])
@Index('users_directory_name_idx', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('users_email_uq', { unique: true })
  @Column({ type: 'text' })
  email: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) fullName: string;
  @Column({ type: 'text', default: Role.USER }) role: Role;

  // Profile (shown in the member directory when directoryVisible and in good standing).
  @Column({ type: 'text', nullable: true }) headline: string | null;
  @Column({ type: 'text', nullable: true }) bio: string | null;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'text', nullable: true }) employer: string | null;
  @Index('users_skills_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];
  @Column({ type: 'boolean', default: false }) directoryVisible: boolean;
  /** Full-text search over name, headline, skills and location; kept current by a trigger. GIN-indexed. */
  @Index('users_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
