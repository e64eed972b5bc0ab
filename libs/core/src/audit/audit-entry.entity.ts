import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (a trigger refuses UPDATE and DELETE): who did what to which record, and when. */
@Entity('audit_log')
@Index('audit_log_created_idx', ['createdAt', 'id'])
@Index('audit_log_action_created_idx', ['action', 'createdAt'])
@Index('audit_log_actor_created_idx', ['actorId', 'createdAt'])
@Index('audit_log_target_created_idx', ['targetType', 'targetId', 'createdAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) targetType: string;
  @Column({ type: 'text', nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) requestId: string | null;
}
