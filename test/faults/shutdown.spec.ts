import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiProcess, startApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';
import { FakeSmtp } from './support/fake-smtp.js';
import { createFaultDb, FaultDb, SIGN_UP, signUpInput } from './support/fault-db.js';

/** The built server as a child process, stopped the way Docker, Kubernetes and systemd stop it. */
describe('SIGTERM', () => {
  let db: FaultDb;
  let smtp: FakeSmtp;
  let smtpUrl: string;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    db = await createFaultDb();
    smtp = new FakeSmtp();
    smtpUrl = await smtp.listen();
  }, 180_000);
  afterEach(() => {
    api?.child.kill('SIGKILL');
    api = undefined;
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  it('when idle: exits 0 within 10 s with the job runner on, without pool errors', async () => {
    api = await startApi(db.url, { SMTP_URL: smtpUrl });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the runner and cron are polling
    const exit = await api.signal('SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(10_000);
    expect(api.output()).not.toMatch(/Cannot use a pool|after calling end/);
    expect(await db.lockedJobs()).toBe(0);
  }, 40_000);

  it('under load: answers the requests in flight, lets the running job finish, leaves nothing locked, exits 0', async () => {
    api = await startApi(db.url, { SMTP_URL: smtpUrl });
    smtp.delayMs = 1500; // the email is being sent when the signal arrives
    const messageId = await db.enqueueEmail('slow@example.org');
    await db.waitFor('the email to reach SMTP', () => smtp.received.includes(messageId), 10_000);

    const send = await api.warmClient(30);
    let signalledAt = Infinity;
    const answeredAfterSignal: boolean[] = [];
    const burst = Array.from({ length: 30 }, (_, i) =>
      send(SIGN_UP, signUpInput('term', i)).finally(() => answeredAfterSignal.push(Date.now() > signalledAt)),
    );
    // Once one answer is back the others have long been sent on open connections: they are in flight.
    await Promise.race(burst);
    signalledAt = Date.now();
    const exit = await api.signal('SIGTERM');
    const answers = await Promise.all(burst);

    expect(answeredAfterSignal.filter(Boolean).length).toBeGreaterThan(5);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(10_000);
    expect(answers.filter((a) => a.status === 200 && a.data?.signUp?.accessToken).length).toBe(30);
    expect(api.output()).not.toMatch(/Cannot use a pool|after calling end/);
    expect(await db.lockedJobs()).toBe(0);
    expect(smtp.accepted.filter((id) => id === messageId)).toHaveLength(1);
    const [message] = await db.sql(`SELECT status FROM outbox_messages WHERE id = $1`, [messageId]);
    expect(message.status).toBe('SENT');
  }, 60_000);

  it('answers a request that arrives on an open connection just after the signal, then closes it', async () => {
    api = await startApi(db.url, { GUILDHALL_JOBS_ENABLED: 'false' });
    const { port } = new URL(api.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server has accepted the connection
    const exit = api.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received).toMatch(/connection: close/i);
    expect(await exit).toMatchObject({ code: 0, signal: null });
  }, 40_000);
});
