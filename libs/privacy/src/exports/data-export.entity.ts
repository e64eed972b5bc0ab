import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DataExportState {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}

/**
 * One "everything held about me" archive: built by the job runner, kept here (a ZIP, small: JSON and
 * a few PDFs) so every process can serve it, downloadable once by its person within 7 days.
 */
@Entity('data_exports')
@Check('data_exports_status_check', `status IN ('PENDING', 'READY', 'FAILED')`)
@Index('data_exports_user_idx', ['userId', 'requestedAt'])
@Index('data_exports_one_pending_uq', ['userId'], { unique: true, where: `status = 'PENDING'` })
export class DataExportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Whose data (an account id; accounts own that table, so no foreign key crosses the boundary). */
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text', default: DataExportState.PENDING }) status: DataExportState;
  @Column({ type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) readyAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  /** The single-use part of the download link; good only together with the person's own sign-in. */
  @Column({ type: 'text', nullable: true }) downloadToken: string | null;
  @Column({ type: 'timestamptz', nullable: true }) downloadedAt: Date | null;
  @Column({ type: 'bytea', nullable: true, select: false }) archive: Buffer | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
}
