import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxService } from '../../libs/core/src/index.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const OUTBOX = `{ outboxMessages(first: 10) { totalCount edges { node { id toAddress subject status template } } } }`;

describe('outbox, jobs and health', () => {
  let t: TestApp;
  let admin: TestUser;
  let outbox: OutboxService;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    outbox = t.app.get(OutboxService);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes a message with its transaction, delivers it by job, and keeps it for admins without SMTP', async () => {
    const wrote = await t.dataSource.transaction((m) =>
      outbox.enqueue(m, { to: 'ada@example.org', template: 'test', subject: 'Hello', text: 'Body', dedupeKey: 'test:1' }),
    );
    expect(wrote).toBe(true);
    const again = await t.dataSource.transaction((m) =>
      outbox.enqueue(m, { to: 'ada@example.org', template: 'test', subject: 'Hello', text: 'Body', dedupeKey: 'test:1' }),
    );
    expect(again).toBe(false);
    await t.runJobs();
    const list = await t.gql(OUTBOX, {}, admin.accessToken);
    const mine = list.data!.outboxMessages.edges.filter((e: { node: { toAddress: string } }) => e.node.toAddress === 'ada@example.org');
    expect(mine).toHaveLength(1);
    expect(mine[0].node.status).toBe('KEPT');
  });

  it('leaves no message and no job behind when the transaction rolls back', async () => {
    const jobsBefore = await t.sql(`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    await expect(
      t.dataSource.transaction(async (m) => {
        await outbox.enqueue(m, { to: 'rollback@example.org', template: 'test', subject: 'Never', text: 'x' });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await t.sql(`SELECT 1 FROM outbox_messages WHERE to_address = 'rollback@example.org'`)).toHaveLength(0);
    expect(await t.sql(`SELECT count(*)::int AS n FROM graphile_worker.jobs`)).toEqual(jobsBefore);
  });

  it('shows the outbox to admins only', async () => {
    const member: TestUser = await signUpUser(t);
    expect(errorCode(await t.gql(OUTBOX))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(OUTBOX, {}, member.accessToken))).toBe('FORBIDDEN');
    expect((await t.gql(OUTBOX, {}, admin.accessToken)).errors).toBeUndefined();
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
  });

  it('serves the GraphQL explorer from local files (no CDN)', async () => {
    const page = await fetch(`${t.url}/explorer`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'boot.js']) {
      const response = await fetch(`${t.url}/explorer/assets/${asset}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(50);
    }
    expect((await fetch(`${t.url}/explorer/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('refuses forged cursors on the ledger and admin lists with BAD_USER_INPUT, not a database error', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    for (const list of ['auditLog', 'outboxMessages', 'payments', 'myPayments']) {
      const result = await t.gql(`query($after: String) { ${list}(after: $after) { totalCount } }`, { after: forged }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields![0].path).toBe('after');
    }
  });
});
