import { expect } from '@jest/globals';
import { FakeStripe, startFakeStripe } from '../fake-stripe/index.js';
import { WEBHOOK_SECRET } from '../factories/dues.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { GqlResult, startTestApp, TestApp } from './test-app.js';

/**
 * Every long admin operation on a pool of TWO connections, with ordinary requests arriving meanwhile.
 * An operation that holds one pooled connection (a lock, an open transaction) while its work asks the
 * pool for another stalls the whole server once the pool is that small: these tests fail on a timer
 * (and the transaction guard fails a statement sent on another connection inside a transaction).
 */
/**
 * A stuck pool never finishes, so the limit only needs to be far above a slow machine's honest time: the
 * operations take about a second on a quiet machine, and 8 s failed them on a loaded one (load 14).
 */
const WAIT_LIMIT_MS = 30_000;
export const TEST_TIMEOUT_MS = 60_000;
/** Between rounds of reads: they keep arriving without starving the operation of both connections. */
const READ_PAUSE_MS = 25;
const ME = `{ me { id email } }`;
const DIRECTORY = `{ memberDirectory(first: 10) { totalCount edges { node { id fullName } } } }`;

/** Fails with a message that names the operation when `work` takes longer than the limit. */
export async function withinLimit<T>(what: string, work: Promise<T>, limitMs = WAIT_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${limitMs / 1000} s on a pool of 2: something holds a connection while it waits for another`)),
      limitMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `operation` while rounds of five parallel reads (`me` and the directory) keep arriving until
 * it settles: the first round starts with it, so the reads compete with it for the two connections.
 * Every read must answer without errors. Returns the operation's result. `limitMs`: how long before it
 * counts as stuck (a connection held while waiting for another never finishes).
 */
export async function duringReads<T>(t: TestApp, reader: TestUser, what: string, operation: () => Promise<T>, limitMs = WAIT_LIMIT_MS): Promise<T> {
  let settled = false;
  const running = operation().finally(() => {
    settled = true;
  });
  const reads = (async () => {
    const answers: GqlResult[] = [];
    do {
      answers.push(...(await Promise.all([ME, DIRECTORY, ME, DIRECTORY, ME].map((query) => t.gql(query, {}, reader.accessToken)))));
      if (!settled) await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
    } while (!settled);
    return answers;
  })();
  const [result, answers] = await withinLimit(what, Promise.all([running, reads]), limitMs);
  const failed = answers.filter((answer) => answer.status !== 200 || answer.errors || !answer.data);
  expect(failed).toEqual([]);
  expect(answers.length).toBeGreaterThanOrEqual(5);
  return result;
}

export interface SmallPoolStack {
  fake: FakeStripe;
  t: TestApp;
  admin: TestUser;
  reader: TestUser;
}

/** The app on a pool of 2 with Stripe pointed at the fake, an admin, and a person who reads meanwhile. */
export async function startSmallPoolStack(env: Record<string, string> = {}): Promise<SmallPoolStack> {
  const fake = await startFakeStripe();
  const t = await startTestApp({ DB_POOL_SIZE: '2', STRIPE_SECRET_KEY: 'sk_test_small_pool', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: fake.url, ...env });
  return { fake, t, admin: await createAdminUser(t), reader: await signUpUser(t, { fullName: 'Concurrent Reader' }) };
}
