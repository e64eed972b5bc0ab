import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunnerService } from '../../libs/core/src/index.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/** Jobs locked by workers whose process died are released; a live process's jobs are left alone. */
describe('releasing jobs of dead processes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function lockedJob(workerId: string, lockedAgo: string): Promise<string> {
    const [{ id }] = await t.sql<{ id: string }>(`SELECT (graphile_worker.add_job('noop', '{}'::json)).id::text AS id`);
    await t.sql(`UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - $3::interval, attempts = 1 WHERE id = $1`, [id, workerId, lockedAgo]);
    return id;
  }

  async function lockedBy(id: string): Promise<string | null> {
    const [row] = await t.sql<{ locked_by: string | null }>(`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1`, [id]);
    return row.locked_by;
  }

  it('releases only jobs locked long enough by workers no fresh heartbeat vouches for', async () => {
    const dead = await lockedJob('worker-dead', '10 minutes');
    const justLocked = await lockedJob('worker-new', '5 seconds');
    const live = await lockedJob('worker-live', '3 hours');
    const silent = await lockedJob('worker-silent', '10 minutes');
    await t.sql(`INSERT INTO worker_heartbeats (process_id, worker_ids, beat_at) VALUES ('live', '{worker-live}', now()), ('silent', '{worker-silent}', now() - interval '10 minutes')`);

    const released = await t.app.get(JobRunnerService).releaseOrphanedJobs();

    expect(released.sort()).toEqual(['worker-dead', 'worker-silent']);
    expect(await lockedBy(dead)).toBeNull();
    expect(await lockedBy(silent)).toBeNull();
    expect(await lockedBy(live)).toBe('worker-live');
    expect(await lockedBy(justLocked)).toBe('worker-new');
    const [{ attempts }] = await t.sql<{ attempts: number }>(`SELECT attempts FROM graphile_worker._private_jobs WHERE id = $1`, [dead]);
    expect(attempts).toBe(1); // the interrupted attempt still counts: a job that kills its process stops at max_attempts
  });
});
