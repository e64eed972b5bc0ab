import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiProcess, startApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';
import { FakeSmtp } from './support/fake-smtp.js';
import { createFaultDb, FaultDb, SIGN_UP, signUpInput } from './support/fault-db.js';

/** Heartbeats every second; a dead process's jobs are released once locked for 3 s (defaults: 30 s and 2 min). */
const FAST_RECOVERY = { GUILDHALL_JOBS_HEARTBEAT_SECONDS: '1', GUILDHALL_JOBS_STALE_AFTER_SECONDS: '3' };

describe('SIGKILL mid-burst, then a restart', () => {
  let db: FaultDb;
  let smtp: FakeSmtp;
  let smtpUrl: string;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    db = await createFaultDb();
    smtp = new FakeSmtp();
    smtpUrl = await smtp.listen();
  }, 180_000);
  afterEach(() => {
    for (const api of apis.splice(0)) api.child.kill('SIGKILL');
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  it('sends the email that was being sent when the process died, once, after the restart', async () => {
    smtp.hold = true; // the send never completes: the job is locked when the process dies
    const first = await startApi(db.url, { SMTP_URL: smtpUrl, ...FAST_RECOVERY });
    apis.push(first);
    const messageId = await db.enqueueEmail('pending@example.org');
    await db.waitFor('the email to reach SMTP', () => smtp.received.includes(messageId), 10_000);

    const burst = Array.from({ length: 20 }, (_, i) => first.gql(SIGN_UP, signUpInput('kill', i)).catch(() => undefined));
    await Promise.race(burst);
    expect((await first.signal('SIGKILL')).signal).toBe('SIGKILL');
    await Promise.all(burst);
    // The held email's job, and any sign-up verification email the burst queued (SMTP holds those too).
    expect(await db.lockedJobs()).toBeGreaterThanOrEqual(1);
    const [pending] = await db.sql(`SELECT status FROM outbox_messages WHERE id = $1`, [messageId]);
    expect(pending.status).toBe('PENDING');

    smtp.hold = false;
    const second = await startApi(db.url, { SMTP_URL: smtpUrl, ...FAST_RECOVERY });
    apis.push(second);
    await db.waitFor(
      'the email to be sent after the restart',
      async () => (await db.sql(`SELECT status FROM outbox_messages WHERE id = $1`, [messageId]))[0].status === 'SENT',
      20_000,
    );
    expect(smtp.accepted.filter((id) => id === messageId)).toHaveLength(1);
    // The live process may be sending the burst's sign-up emails right now (their jobs are locked while it
    // does): wait for the queue to drain. A job still held by the dead process's workers would never let it.
    await db.waitFor('no job locked', async () => (await db.lockedJobs()) === 0, 20_000);
    expect(new Set(smtp.accepted).size).toBe(smtp.accepted.length); // no email went twice
    expect(second.output()).toMatch(/Released jobs locked by workers of a process that stopped beating/);

    // Every account the dead process confirmed exists; no half-written ones (a user without a session).
    const [orphans] = await db.sql(`SELECT count(*)::int AS n FROM users u WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id)`);
    expect(orphans.n).toBe(0);

    const exit = await second.signal('SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
  }, 60_000);
});
