import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { createAdminUser, logIn, signUpUser, uniqueEmail } from '../factories/users.js';
import { countQueries, isViewerLookup, sqlStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email fullName role } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id email fullName role } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOG_OUT = `mutation($t: String!) { logOut(refreshToken: $t) }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }`;

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function userCount(): Promise<number> {
    const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    return row.n;
  }

  it('signs up, then reads `me` with the access token', async () => {
    const email = uniqueEmail();
    const result = await t.gql(SIGN_UP, { input: { email, password: 'long enough pw', fullName: 'Ada Lovelace' } });
    expect(result.errors).toBeUndefined();
    const { accessToken, user } = result.data!.signUp;
    expect(user).toMatchObject({ email, fullName: 'Ada Lovelace', role: 'USER' });
    const me = await t.gql(ME, {}, accessToken);
    expect(me.data!.me).toEqual({ id: user.id, email, fullName: 'Ada Lovelace', role: 'USER' });
  });

  it('answers `me` from the account row read with the session: one statement, as the database has it now', async () => {
    const user = await signUpUser(t);
    await t.sql(`UPDATE users SET full_name = 'Renamed Meanwhile', staff_permissions = '{FINANCE}' WHERE id = $1`, [user.id]);
    const [row] = await t.sql<{ created_at: Date }>(`SELECT created_at FROM users WHERE id = $1`, [user.id]);
    const { result, count, statements } = await countQueries(
      () => t.gql(`{ me { id email fullName role createdAt staffPermissions isStaff } }`, {}, user.accessToken),
      sqlStatements,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toEqual({
      id: user.id,
      email: user.email,
      fullName: 'Renamed Meanwhile',
      role: 'USER',
      createdAt: row.created_at.toISOString(),
      staffPermissions: ['FINANCE'],
      isStaff: true,
    });
    expect(statements).toHaveLength(1);
    expect(statements.filter(isViewerLookup)).toHaveLength(1);
    expect(count).toBe(1);
  });

  it('treats emails case-insensitively and refuses a second account for one email', async () => {
    const email = uniqueEmail();
    await signUpUser(t, { email });
    const again = await t.gql(SIGN_UP, { input: { email: email.toUpperCase(), password: 'long enough pw', fullName: 'X' } });
    expect(errorCode(again)).toBe('CONFLICT');
    const login = await t.gql(LOG_IN, { input: { email: email.toUpperCase(), password: 'correct horse battery' } });
    expect(login.data?.logIn.user.id).toBeDefined();
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'long enough pw', fullName: 'X' }, 'input.email'],
    ['a short password', { email: 'short@example.org', password: 'short', fullName: 'X' }, 'input.password'],
    ['a 1 MB name', { email: 'big@example.org', password: 'long enough pw', fullName: 'x'.repeat(1_000_000) }, 'input.fullName'],
    ['a NUL character', { email: 'nul@example.org', password: 'long enough pw', fullName: 'a\u0000b' }, 'input.fullName'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_label, input, field) => {
    const before = await userCount();
    const result = await t.gql(SIGN_UP, { input });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(field);
    expect(await userCount()).toBe(before);
  });

  it('stores strings that look like SQL unchanged', async () => {
    const fullName = "Robert'); DROP TABLE users;--";
    const result = await t.gql(SIGN_UP, { input: { email: uniqueEmail(), password: 'long enough pw', fullName } });
    expect(result.data!.signUp.user.fullName).toBe(fullName);
    expect(await userCount()).toBeGreaterThan(0);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const user = await signUpUser(t);
    const wrong = await t.gql(LOG_IN, { input: { email: user.email, password: 'wrong password!' } });
    const unknown = await t.gql(LOG_IN, { input: { email: uniqueEmail(), password: 'wrong password!' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
  });

  it('throttles repeated failed log-ins for one email, even with the right password after', async () => {
    const user = await signUpUser(t);
    for (let i = 0; i < t.config.loginThrottle.maxPerEmail; i++) {
      expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: 'wrong password!' } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.gql(LOG_IN, { input: { email: user.email, password: user.password } });
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session', async () => {
    const user = await signUpUser(t);
    const first = await t.gql(REFRESH, { t: user.refreshToken });
    expect(first.errors).toBeUndefined();
    const rotated = first.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(user.refreshToken);

    const reuse = await t.gql(REFRESH, { t: user.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // The thief's fresh pair dies with the family, access token included.
    expect(errorCode(await t.gql(REFRESH, { t: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, rotated.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('logs out: the session ends for both tokens', async () => {
    const user = await signUpUser(t);
    expect((await t.gql(LOG_OUT, { t: user.refreshToken })).data!.logOut).toBe(true);
    expect(errorCode(await t.gql(ME, {}, user.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REFRESH, { t: user.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('changes the password and ends the other sessions', async () => {
    const user = await signUpUser(t);
    const other = await logIn(t, user.email, user.password);
    const change = await t.gql(
      `mutation { changePassword(currentPassword: "${user.password}", newPassword: "a brand new password") }`,
      {},
      user.accessToken,
    );
    expect(change.data!.changePassword).toBe(true);
    expect(errorCode(await t.gql(ME, {}, other.accessToken))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, user.accessToken)).data!.me.id).toBe(user.id);
    expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: user.password } }))).toBe('UNAUTHENTICATED');
    await logIn(t, user.email, 'a brand new password');
  });

  describe('bad tokens', () => {
    const sign = (alg: string, key: Uint8Array, claims: Record<string, unknown>, exp: string | number = '5m') =>
      new SignJWT(claims).setProtectedHeader({ alg }).setSubject(String(claims.sub ?? '')).setIssuer('guildhall').setAudience('guildhall-api').setIssuedAt().setExpirationTime(exp).sign(key);

    it('refuses alg:none, tampered, expired and foreign-key tokens', async () => {
      const user = await signUpUser(t);
      const [, payload] = user.accessToken.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      const tamperedPayload = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' }),
      ).toString('base64url');
      const [h, , s] = user.accessToken.split('.');
      const tampered = `${h}.${tamperedPayload}.${s}`;
      const key = new TextEncoder().encode(t.config.jwtSecret);
      const claims = { sub: user.id, sid: 'x', role: 'ADMIN' };
      const expired = await sign('HS256', key, claims, Math.floor(Date.now() / 1000) - 60);
      const foreign = await sign('HS256', new TextEncoder().encode('another-secret-another-secret-1234567'), claims);
      for (const token of [none, tampered, expired, foreign, 'garbage']) {
        const result = await t.gql(ME, {}, token);
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('setUserRole (authorization matrix)', () => {
    it('anonymous: UNAUTHENTICATED; a member: FORBIDDEN; an admin: done and audited', async () => {
      const member = await signUpUser(t);
      const target = await signUpUser(t);
      const admin = await createAdminUser(t);
      expect(errorCode(await t.gql(SET_ROLE, { userId: target.id, role: 'ADMIN' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(SET_ROLE, { userId: target.id, role: 'ADMIN' }, member.accessToken))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SET_ROLE, { userId: member.id, role: 'ADMIN' }, member.accessToken))).toBe('FORBIDDEN');
      const done = await t.gql(SET_ROLE, { userId: target.id, role: 'ADMIN' }, admin.accessToken);
      expect(done.data!.setUserRole).toEqual({ id: target.id, role: 'ADMIN' });
      const log = await t.gql(`{ auditLog(first: 5, action: "user.setRole") { edges { node { actorId targetId before after } } } }`, {}, admin.accessToken);
      expect(log.data!.auditLog.edges[0].node).toMatchObject({ actorId: admin.id, targetId: target.id, before: { role: 'USER' }, after: { role: 'ADMIN' } });
      // The promoted account's existing token carries the new rights at once (the role is re-read).
      const promoted = await t.gql(`{ auditLog(first: 1) { totalCount } }`, {}, target.accessToken);
      expect(promoted.errors).toBeUndefined();
      expect(promoted.data!.auditLog.totalCount).toBeGreaterThan(0);
    });

    it('refuses an unknown role and a malformed id with BAD_USER_INPUT', async () => {
      const admin = await createAdminUser(t);
      expect(errorCode(await t.gql(SET_ROLE, { userId: admin.id, role: 'OWNER' }, admin.accessToken))).toBe('BAD_USER_INPUT');
      const badId = await t.gql(SET_ROLE, { userId: 'nope', role: 'USER' }, admin.accessToken);
      expect(errorCode(badId)).toBe('BAD_USER_INPUT');
      expect(badId.errors![0].extensions.fields![0].path).toBe('userId');
    });

    it('never demotes the last admin', async () => {
      const admins = await t.sql<{ id: string }>(`SELECT id FROM users WHERE role = 'ADMIN'`);
      const admin = await createAdminUser(t);
      for (const { id } of admins) await t.gql(SET_ROLE, { userId: id, role: 'USER' }, admin.accessToken);
      expect(errorCode(await t.gql(SET_ROLE, { userId: admin.id, role: 'USER' }, admin.accessToken))).toBe('CONFLICT');
    });
  });

  it('hides email from other members', async () => {
    const a = await signUpUser(t);
    const payload = await t.gql(`mutation { refreshSession(refreshToken: "${a.refreshToken}") { user { email } } }`);
    expect(payload.data!.refreshSession.user.email).toBe(a.email);
  });
});
