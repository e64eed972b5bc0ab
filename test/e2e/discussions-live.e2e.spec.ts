import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INestApplication } from '@nestjs/common';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../libs/core/src/index.js';
import { goodStandingTier, memberInGoodStanding } from '../factories/communities.js';
import { createForum, startThread, reply } from '../factories/discussions.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const POST_ADDED = `subscription($id: ID!) { postAdded(spaceId: $id) { id body author { fullName } } }`;

/** Collects what a subscription delivers (and how it ended). */
function subscribe(client: Client, spaceId: string) {
  const received: Array<{ id: string; body: string }> = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<{ postAdded: { id: string; body: string } }>(
    { query: POST_ADDED, variables: { id: spaceId } },
    { next: (r) => (r.data ? received.push(r.data.postAdded) : errors.push(r.errors)), error: (e) => errors.push(e), complete: () => undefined },
  );
  return { received, errors, dispose };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};

describe('discussions live: postAdded over graphql-ws, fanned out through LISTEN/NOTIFY', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  let admin: TestUser;
  let member: TestUser;
  let stranger: TestUser;
  let forum: string;
  const clients: Client[] = [];
  const wsClient = (url: string, token?: string) => {
    const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: false });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    // A second API process on the same database, with its own LISTEN connection.
    second = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: t.config.databaseUrl!, GUILDHALL_JOBS_ENABLED: 'false', JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long', LOG_LEVEL: 'silent' }));
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    member = await memberInGoodStanding(t, tierId, 'Live Member');
    stranger = await signUpUser(t, { fullName: 'Stranger' });
    forum = await createForum(t, admin, { title: 'Live forum' });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await second?.close();
    await t?.close();
  });

  it('a post made through one process reaches a subscriber of the other; someone who may not read is refused', async () => {
    const watcher = subscribe(wsClient(secondUrl, member.accessToken), forum);
    const refused = subscribe(wsClient(secondUrl, stranger.accessToken), forum);
    const anonymous = subscribe(wsClient(t.url), forum);
    await until(() => refused.errors.length > 0 && anonymous.errors.length > 0);
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 200));
    const threadId = await startThread(t, admin, forum, 'Live thread', 'first!');
    const answer = await reply(t, admin, threadId, 'second!');
    await until(() => watcher.received.length >= 2);
    expect(watcher.received.map((p) => p.body)).toEqual(['first!', 'second!']);
    expect(watcher.received[1].id).toBe(answer.id);
    expect(refused.received).toEqual([]);
  });

  it('refuses a connection whose token is bad', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer not-a-token' }, retryAttempts: 0 });
    clients.push(client);
    const closed = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: POST_ADDED, variables: { id: forum } }, { next: () => undefined, error: resolve, complete: () => resolve('complete') });
    });
    expect((closed as { code?: number }).code).toBe(4403);
  });

  it('keeps the depth limit over the socket, and answers errors with their code', async () => {
    const client = wsClient(t.url, member.accessToken);
    let deep = 'id';
    for (let i = 0; i < 12; i++) deep = `thread { space { id } posts { edges { node { ${deep} } } } }`;
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe({ query: `subscription($id: ID!) { postAdded(spaceId: $id) { ${deep} } }`, variables: { id: forum } }, { next: () => undefined, error: (e) => { errors.push(e); resolve(); }, complete: () => resolve() });
    });
    expect(JSON.stringify(errors)).toMatch(/depth/i);
    const bad: unknown[] = [];
    await new Promise<void>((resolve) => {
      client.subscribe({ query: POST_ADDED, variables: { id: 'nope' } }, { next: (r) => { bad.push(r.errors); resolve(); }, error: (e) => { bad.push(e); resolve(); }, complete: () => resolve() });
    });
    expect(JSON.stringify(bad)).toContain('BAD_USER_INPUT');
  });

  it('notificationAdded: my own notifications, live, from the other process', async () => {
    const client = wsClient(secondUrl, member.accessToken);
    const got: Array<{ kind: string; post: { body: string } | null }> = [];
    client.subscribe<{ notificationAdded: { kind: string; post: { body: string } | null } }>(
      { query: `subscription { notificationAdded { kind post { body } } }` },
      { next: (r) => r.data && got.push(r.data.notificationAdded), error: () => undefined, complete: () => undefined },
    );
    const anonymous: unknown[] = [];
    wsClient(secondUrl).subscribe({ query: `subscription { notificationAdded { id } }` }, { next: (r) => anonymous.push(r.errors), error: (e) => anonymous.push(e), complete: () => undefined });
    await new Promise((r) => setTimeout(r, 300));
    const threadId = await startThread(t, member, forum, 'Notify me', 'mine');
    await reply(t, admin, threadId, 'an answer for you');
    await until(() => got.length >= 1);
    expect(got).toEqual([{ kind: 'REPLY', post: { body: 'an answer for you' } }]);
    expect(JSON.stringify(anonymous)).toContain('UNAUTHENTICATED');
  });

  it('the LISTEN connection comes back after the database drops it', async () => {
    const watcher = subscribe(wsClient(t.url, admin.accessToken), forum);
    await new Promise((r) => setTimeout(r, 300));
    const killed = await t.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'guildhall-listen' AND datname = current_database()`);
    expect(killed.length).toBe(2); // one per process
    await until(() => false, 1500);
    await startThread(t, admin, forum, 'After the drop', 'still live');
    await until(() => watcher.received.length >= 1);
    expect(watcher.received.map((p) => p.body)).toEqual(['still live']);
  });

  it('is authorised on every event: a member who lapses stops receiving at once', async () => {
    const watcher = subscribe(wsClient(t.url, member.accessToken), forum);
    await new Promise((r) => setTimeout(r, 300));
    const threadId = await startThread(t, admin, forum, 'Before lapse', 'one');
    await until(() => watcher.received.length >= 1);
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [member.id]);
    await reply(t, admin, threadId, 'two');
    const third = await startThread(t, admin, forum, 'Marker', 'three');
    await new Promise((r) => setTimeout(r, 500));
    expect(watcher.received.map((p) => p.body)).toEqual(['one']);
    expect(third).toBeTruthy();
  });
});
