import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeStripe } from '../fake-stripe/index.js';
import type { TestUser } from '../factories/users.js';
import { duringReads, startSmallPoolStack, TEST_TIMEOUT_MS, withinLimit } from '../utils/small-pool.js';
import type { TestApp } from '../utils/test-app.js';

describe('a pool of 2 with the job runner on (it keeps a connection LISTENing for new jobs)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    ({ fake, t, admin, reader } = await startSmallPoolStack({ GUILDHALL_JOBS_ENABLED: 'true' }));
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it(
    "reconciliation (which holds a connection for its session lock) answers while other requests run: the runner's LISTEN client is not one of the two",
    async () => {
      const result = await duringReads(t, reader, 'reconcileStripe with the job runner on', () => t.gql(`mutation { reconcileStripe { failures } }`, {}, admin.accessToken));
      expect(result.errors).toBeUndefined();
      expect(result.data!.reconcileStripe).toEqual({ failures: 0 });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the runner, on its own connections, takes a new job at once',
    async () => {
      const [{ id }] = await t.sql(`SELECT (graphile_worker.add_job('prune-login-failures', '{}'::json)).id`);
      const taken = async () => {
        while ((await t.sql(`SELECT 1 FROM graphile_worker.jobs WHERE id = $1`, [id])).length) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      await withinLimit('the running job runner', taken());
    },
    TEST_TIMEOUT_MS,
  );
});
