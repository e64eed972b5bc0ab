import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person's own erasure request, waiting for them to confirm it from the link in their email (token stored as SHA-256). */
@Entity('erasure_requests')
@Index('erasure_requests_user_idx', ['userId'])
export class ErasureRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @Index('erasure_requests_token_uq', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
}
