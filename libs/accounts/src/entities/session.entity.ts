import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * A signed-in session: the family of refresh tokens born from one log-in. Revoking it ends every
 * token of the family and every access token that names it.
 */
@Entity('sessions')
@Index('sessions_user_idx', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** The last sign-in or refresh of the session (access tokens are not tracked: that would be a write per request). */
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastUsedAt: Date;
  /** The client that signed in, as it said (trimmed), and its address; for the sessions list only. */
  @Column({ type: 'text', nullable: true }) userAgent: string | null;
  @Column({ type: 'text', nullable: true }) clientAddress: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revokedReason: string | null;
  /** When this session proved a second factor (at log-in, or by enrolling); null: password only. */
  @Column({ type: 'timestamptz', nullable: true }) secondFactorAt: Date | null;
}
