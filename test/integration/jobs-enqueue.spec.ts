import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { enqueue } from '../../libs/core/src/index.js';
import { guildhallDataSource } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-db.js';

const TASK = 'test-enqueue-probe';

describe('enqueue(manager, task, payload, opts): the one way to add a job', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await guildhallDataSource(db.url, 2).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const jobs = (key: string): Promise<Array<{ payload: unknown; max_attempts: number; run_at: Date }>> =>
    dataSource.query(
      `SELECT j.payload, j.max_attempts, j.run_at FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = $1 AND j.key = $2`,
      [TASK, key],
    );

  it('writes the job in the caller\'s transaction: it exists once that commits', async () => {
    const runAt = new Date(Date.now() + 3_600_000);
    await dataSource.transaction((manager) => enqueue(manager, TASK, { n: 1 }, { jobKey: 'committed', maxAttempts: 3, runAt }));
    const [job] = await jobs('committed');
    expect(job).toMatchObject({ payload: { n: 1 }, max_attempts: 3 });
    expect(new Date(job.run_at).getTime()).toBe(runAt.getTime());
  });

  it('leaves no job when the transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await enqueue(manager, TASK, { n: 2 }, { jobKey: 'rolled-back' });
        throw new Error('the caller fails after enqueueing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await jobs('rolled-back')).toEqual([]);
  });

  it('a job key replaces the pending job instead of adding a second one; defaults to 25 attempts', async () => {
    await dataSource.transaction((manager) => enqueue(manager, TASK, { n: 1 }, { jobKey: 'replaced' }));
    await dataSource.transaction((manager) => enqueue(manager, TASK, { n: 2 }, { jobKey: 'replaced' }));
    expect(await jobs('replaced')).toEqual([expect.objectContaining({ payload: { n: 2 }, max_attempts: 25 })]);
  });
});
