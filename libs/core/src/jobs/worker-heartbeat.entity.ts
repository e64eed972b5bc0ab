import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per running API process with a job runner: which graphile-worker workers it hosts and when
 * it last said it was alive. Jobs locked by workers nobody vouches for any more are released.
 */
@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ type: 'text' }) processId: string;
  @Column({ type: 'text', array: true }) workerIds: string[];
  @Column({ type: 'timestamptz', default: () => 'now()' }) beatAt: Date;
}
