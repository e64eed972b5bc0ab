import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { LISTEN_APPLICATION_NAME, PgListener, VIEWER_CHANGES_CHANNEL } from '../../libs/core/src/index.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, isViewerLookup, sqlStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const ME = `{ me { id fullName } }`;
const ADMIN_READ = `{ securitySettings { totpRequiredFor } }`;
const LOG_OUT = `mutation($t: String!) { logOut(refreshToken: $t) }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id fullName } }`;

/**
 * The per-process ViewerCache (libs/core/src/auth/viewer-cache.ts): a query reuses its session's viewer, and every
 * way a viewer can change empties it. Writes here go through `other` (a connection of the test's own, as psql or
 * another API process would write), not `t.sql`, which empties the cache itself.
 */
describe('the viewer cache', () => {
  let t: TestApp;
  let other: Client;
  beforeAll(async () => {
    t = await startTestApp();
    other = new Client({ connectionString: t.config.databaseUrl });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  const lookups = async (query: string, user: TestUser) => {
    const run = await countQueries(() => t.gql(query, {}, user.accessToken), sqlStatements);
    return { result: run.result, lookups: run.statements.filter(isViewerLookup).length };
  };
  /** Runs `work` with that table's notice trigger off: only this process's own emptying can act on the cache. */
  const withoutNotices = async (table: 'users' | 'sessions', work: () => Promise<void>) => {
    await t.sql(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_viewer_change`);
    try {
      await work();
    } finally {
      await t.sql(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_viewer_change`);
    }
  };
  /** Polls `check` until it holds (a database notice is asynchronous); fails after `ms`. */
  const until = async (check: () => Promise<boolean>, ms = 2000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('not seen in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('a second query of a session makes no session lookup, and answers from the row the first read', async () => {
    const user = await signUpUser(t, { fullName: 'Cached Once' });
    const first = await lookups(ME, user);
    const second = await lookups(ME, user);
    expect(first.lookups).toBe(1);
    expect(second.lookups).toBe(0);
    expect(second.result.data!.me).toEqual({ id: user.id, fullName: 'Cached Once' });
  });

  it("a mutation ends and the next query reads afresh: its own change is seen at once, without the database's notice", async () => {
    const user = await signUpUser(t, { fullName: 'Before Rename' });
    await withoutNotices('users', async () => {
      await lookups(ME, user);
      const renamed = await t.gql(UPDATE_PROFILE, { input: { fullName: 'After Rename' } }, user.accessToken);
      expect(renamed.errors).toBeUndefined();
      const after = await lookups(ME, user);
      expect(after.lookups).toBe(1);
      expect(after.result.data!.me.fullName).toBe('After Rename');
    });
  });

  it('logging out ends the session for the very next query of this process', async () => {
    const user = await signUpUser(t);
    await withoutNotices('sessions', async () => {
      expect((await lookups(ME, user)).result.errors).toBeUndefined();
      expect((await t.gql(LOG_OUT, { t: user.refreshToken }, user.accessToken)).errors).toBeUndefined();
      expect(errorCode(await t.gql(ME, {}, user.accessToken))).toBe('UNAUTHENTICATED');
    });
  });

  it('a mutation never trusts the cache: a session ended behind its back is refused even before any notice', async () => {
    const user = await signUpUser(t);
    await withoutNotices('sessions', async () => {
      await lookups(ME, user);
      expect((await lookups(ME, user)).lookups).toBe(0);
      await other.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
      const renamed = await t.gql(UPDATE_PROFILE, { input: { fullName: 'Too Late' } }, user.accessToken);
      expect(errorCode(renamed)).toBe('UNAUTHENTICATED');
    });
  });

  it('an admin demoted by another process (a write elsewhere) loses admin reads once the notice arrives', async () => {
    const admin = await createAdminUser(t);
    expect((await lookups(ADMIN_READ, admin)).result.errors).toBeUndefined();
    expect((await lookups(ADMIN_READ, admin)).lookups).toBe(0);
    await other.query(`UPDATE users SET role = 'USER' WHERE id = $1`, [admin.id]);
    await until(async () => errorCode(await t.gql(ADMIN_READ, {}, admin.accessToken)) === 'FORBIDDEN', 1000);
  });

  it('a session ended elsewhere, or a name changed elsewhere, is seen once the notice arrives', async () => {
    const user = await signUpUser(t, { fullName: 'Old Name' });
    await lookups(ME, user);
    await other.query(`UPDATE users SET full_name = 'New Name' WHERE id = $1`, [user.id]);
    await until(async () => (await t.gql(ME, {}, user.accessToken)).data?.me?.fullName === 'New Name', 1000);
    await other.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await until(async () => errorCode(await t.gql(ME, {}, user.accessToken)) === 'UNAUTHENTICATED', 1000);
  });

  it('requiring a second factor for admins (security settings) applies to a cached admin once the notice arrives', async () => {
    const admin = await createAdminUser(t);
    expect((await lookups(ADMIN_READ, admin)).result.errors).toBeUndefined();
    await other.query(`UPDATE security_settings SET totp_required_for = '{ADMIN}'`);
    try {
      await until(async () => (await t.gql(ADMIN_READ, {}, admin.accessToken)).errors?.[0]?.extensions.reason === 'TOTP_REQUIRED_FOR_STAFF', 1000);
    } finally {
      await t.sql(`UPDATE security_settings SET totp_required_for = '{}'`);
    }
  });

  it('the triggers stay quiet for writes that change no viewer (a refresh marking its session used, a sign-up)', async () => {
    const listen = new Client({ connectionString: t.config.databaseUrl });
    await listen.connect();
    const heard: string[] = [];
    listen.on('notification', (message) => heard.push(message.payload ?? ''));
    await listen.query(`LISTEN ${VIEWER_CHANGES_CHANNEL}`);
    try {
      const user = await signUpUser(t);
      await other.query(`UPDATE sessions SET last_used_at = now() WHERE user_id = $1`, [user.id]);
      await other.query(`UPDATE users SET full_name = full_name WHERE id = $1`, [user.id]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual([]);
      await other.query(`UPDATE sessions SET second_factor_at = now() WHERE user_id = $1`, [user.id]);
      await until(async () => heard.length > 0, 1000);
      expect(heard).toEqual(['sessions']);
    } finally {
      await listen.end();
    }
  });

  it('is bypassed while the LISTEN connection is down (a notice could be missed), and used again once it is back', async () => {
    const user = await signUpUser(t);
    const listener = t.app.get(PgListener);
    await lookups(ME, user);
    expect((await lookups(ME, user)).lookups).toBe(0);
    await t.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [LISTEN_APPLICATION_NAME]);
    await until(async () => !listener.listening);
    expect((await lookups(ME, user)).lookups).toBe(1);
    expect((await lookups(ME, user)).lookups).toBe(1);
    await until(async () => listener.listening, 5000);
    await lookups(ME, user);
    expect((await lookups(ME, user)).lookups).toBe(0);
  });
});
