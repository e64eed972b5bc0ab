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
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id } } }`;
const LEDGER = `{ payments(first: 1) { totalCount } }`;
/** ApiTokensRepository.findBySecretHash, and the once-a-minute write of last_used_at. */
const isTokenRead = (sql: string) => sql.includes('FROM api_tokens t JOIN users u');
const isTokenTouch = (sql: string) => sql.includes('UPDATE api_tokens SET last_used_at');

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

  /** A FINANCE token of a FINANCE staff member: its queries may be answered from the cache. */
  const financeToken = async () => {
    const owner = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = '{FINANCE}' WHERE id = $1`, [owner.id]);
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'cache', scopes: ['FINANCE'] } }, owner.accessToken);
    expect(created.errors).toBeUndefined();
    return { owner, id: created.data!.createApiToken.token.id as string, secret: created.data!.createApiToken.secret as string };
  };
  const tokenStatements = async (query: string, secret: string) => {
    const run = await countQueries(() => t.gql(query, {}, secret), sqlStatements);
    return { result: run.result, reads: run.statements.filter(isTokenRead).length, touches: run.statements.filter(isTokenTouch).length };
  };

  it('an API token: a second query within the minute neither reads the token nor writes its use; a mutation reads it afresh', async () => {
    const { secret } = await financeToken();
    const first = await tokenStatements(LEDGER, secret);
    expect(first.result.errors).toBeUndefined();
    expect([first.reads, first.touches]).toEqual([1, 1]);
    const second = await tokenStatements(LEDGER, secret);
    expect(second.result.data!.payments).toEqual(first.result.data!.payments);
    expect([second.reads, second.touches]).toEqual([0, 0]);
    const mutation = await tokenStatements(`mutation { changePassword(currentPassword: "x", newPassword: "yyyyyyyyyyyy") }`, secret);
    expect(mutation.reads).toBe(1);
  });

  it('an API token another process used within the minute: the first query here writes no use either', async () => {
    const { id, secret } = await financeToken();
    await other.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [id]);
    const first = await tokenStatements(LEDGER, secret);
    expect(first.result.errors).toBeUndefined();
    expect([first.reads, first.touches]).toEqual([1, 0]);
  });

  it("an API token's `me` answers from the owner's row read with the token: no statement at all once cached", async () => {
    const { owner, secret } = await financeToken();
    await t.gql(ME, {}, secret);
    const again = await countQueries(() => t.gql(ME, {}, secret), sqlStatements);
    expect(again.result.data!.me).toEqual({ id: owner.id, fullName: 'Test Member' });
    expect(again.statements).toEqual([]);
  });

  it('an API token revoked, or its owner losing the scope, elsewhere is seen by the cached token once the notice arrives', async () => {
    const revoked = await financeToken();
    expect((await tokenStatements(LEDGER, revoked.secret)).result.errors).toBeUndefined();
    await other.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1`, [revoked.id]);
    await until(async () => (await t.gql(LEDGER, {}, revoked.secret)).errors?.[0]?.extensions.reason === 'TOKEN_REVOKED', 1000);

    const demoted = await financeToken();
    expect((await tokenStatements(LEDGER, demoted.secret)).reads).toBe(1);
    expect((await tokenStatements(LEDGER, demoted.secret)).reads).toBe(0);
    await other.query(`UPDATE users SET staff_permissions = '{}' WHERE id = $1`, [demoted.owner.id]);
    await until(async () => errorCode(await t.gql(LEDGER, {}, demoted.secret)) === 'FORBIDDEN', 1000);

    const deleted = await financeToken();
    await tokenStatements(LEDGER, deleted.secret);
    await other.query(`DELETE FROM api_tokens WHERE id = $1`, [deleted.id]);
    await until(async () => (await t.gql(LEDGER, {}, deleted.secret)).errors?.[0]?.extensions.reason === 'TOKEN_INVALID', 1000);
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
      await other.query(`UPDATE api_tokens SET last_used_at = now()`);
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
