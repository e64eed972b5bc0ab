import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** One finished Stripe reconciliation and its report, so FINANCE staff can read the last runs. */
@Entity('dues_reconcile_runs')
@Check('dues_reconcile_runs_trigger_check', `trigger IN ('MANUAL', 'SCHEDULED')`)
@Index('dues_reconcile_runs_finished_idx', ['finishedAt'])
export class DuesReconcileRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) trigger: 'MANUAL' | 'SCHEDULED';
  /** Who ran it by hand; null for the daily job (or an erased account). */
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<object>;
  @Column({ type: 'timestamptz', precision: 3 }) startedAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) finishedAt: Date;
  /** The ReconcileReport as returned (fixes capped at 200 lines). */
  @Column({ type: 'jsonb' }) report: Record<string, unknown>;
}
