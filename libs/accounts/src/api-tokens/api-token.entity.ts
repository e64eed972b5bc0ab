import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../entities/user.entity.js';
import { ApiTokenKind, ApiTokenScope } from './api-token-scope.js';

/**
 * A bearer credential for integrations, stored only as the SHA-256 of its secret. Its rights are its
 * scopes intersected with its owner's current rights, read on every use: a token never exceeds its owner.
 */
@Entity('api_tokens')
@Check('api_tokens_kind_check', `kind IN ('PERSONAL', 'SERVICE')`)
@Check(
  'api_tokens_scopes_check',
  `cardinality(scopes) > 0 AND scopes <@ ARRAY['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER', 'READ_MEMBERS']::text[]`,
)
@Index('api_tokens_owner_idx', ['ownerId', 'createdAt'])
@Index('api_tokens_created_idx', ['createdAt', 'id'])
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: ApiTokenKind;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'uuid' }) ownerId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<UserEntity>;
  @Column({ type: 'text', array: true }) scopes: ApiTokenScope[];
  @Index('api_tokens_secret_hash_uq', { unique: true })
  @Column({ type: 'text' })
  secretHash: string;
  /** The first characters of the secret (e.g. `ghp_AbCd`), so people can tell their tokens apart. */
  @Column({ type: 'text' }) secretPrefix: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
