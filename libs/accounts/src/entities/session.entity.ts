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
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revokedReason: string | null;
  /** When this session proved a second factor (at log-in, or by enrolling); null: password only. */
  @Column({ type: 'timestamptz', nullable: true }) secondFactorAt: Date | null;
}
