import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { totpCode } from '../factories/totp.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const START = `mutation { startTotpEnrollment { secret otpauthUrl qrCodeSvg } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrollment(code: $code) }`;
const DISABLE = `mutation($code: String!) { disableTotp(code: $code) }`;
const STATUS = `{ myTwoFactor { enabled recoveryCodesLeft } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const SETTINGS = `{ securitySettings { totpRequiredFor } }`;
const SET_REQUIRED = `mutation($rights: [String!]!) { setTotpRequiredFor(rights: $rights) { totpRequiredFor } }`;


describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function enrol(user: TestUser): Promise<{ secret: string; recovery: string[] }> {
    const started = await t.gql(START, {}, user.accessToken);
    expect(started.errors).toBeUndefined();
    const { secret } = started.data!.startTotpEnrollment;
    const confirmed = await t.gql(CONFIRM, { code: totpCode(secret) }, user.accessToken);
    expect(confirmed.errors).toBeUndefined();
    return { secret, recovery: confirmed.data!.confirmTotpEnrollment };
  }

  const logIn = (user: TestUser, extra: Record<string, string> = {}) => t.gql(LOG_IN, { input: { email: user.email, password: user.password, ...extra } });

  it('enrols with a QR code, confirms with a code, and hands out ten recovery codes stored hashed', async () => {
    const user = await signUpUser(t);
    const started = await t.gql(START, {}, user.accessToken);
    const { secret, otpauthUrl, qrCodeSvg } = started.data!.startTotpEnrollment;
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCodeSvg).toMatch(/^<svg/);
    const wrong = await t.gql(CONFIRM, { code: totpCode(secret, 5) }, user.accessToken);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions.fields![0].path).toBe('code');
    const confirmed = await t.gql(CONFIRM, { code: totpCode(secret) }, user.accessToken);
    const recovery: string[] = confirmed.data!.confirmTotpEnrollment;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    const stored = JSON.stringify(await t.sql(`SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1`, [user.id]));
    for (const r of recovery) expect(stored).not.toContain(r);
    expect((await t.gql(STATUS, {}, user.accessToken)).data!.myTwoFactor).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect(errorCode(await t.gql(START, {}, user.accessToken))).toBe('CONFLICT');
  });

  it('log-in then asks for a code; a code works once; a recovery code works once', async () => {
    const user = await signUpUser(t);
    const { secret, recovery } = await enrol(user);
    const bare = await logIn(user);
    expect(errorCode(bare)).toBe('UNAUTHENTICATED');
    expect(bare.errors![0].extensions.reason).toBe('TOTP_REQUIRED');
    const wrong = await logIn(user, { totpCode: '000000' === totpCode(secret, 1) ? '111111' : '000000' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].extensions.reason).toBe('BAD_SECOND_FACTOR');
    const next = totpCode(secret, 1); // the enrolment spent the current step
    expect((await logIn(user, { totpCode: next })).data!.logIn.accessToken).toBeTruthy();
    expect(errorCode(await logIn(user, { totpCode: next }))).toBe('UNAUTHENTICATED'); // no replay
    expect((await logIn(user, { recoveryCode: recovery[0].toUpperCase() })).data!.logIn.accessToken).toBeTruthy();
    const again = await logIn(user, { recoveryCode: recovery[0] });
    expect(again.errors![0].extensions.reason).toBe('BAD_SECOND_FACTOR');
    expect((await t.gql(STATUS, {}, user.accessToken)).data!.myTwoFactor.recoveryCodesLeft).toBe(9);
  });

  it('throttles wrong codes like wrong passwords', async () => {
    const user = await signUpUser(t);
    const { secret } = await enrol(user);
    for (let i = 0; i < 5; i++) expect(errorCode(await logIn(user, { totpCode: '12345' + i }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await logIn(user, { totpCode: totpCode(secret, 1) }))).toBe('TOO_MANY_REQUESTS');
    for (let i = 0; i < 5; i++) expect(errorCode(await t.gql(DISABLE, { code: 'nope' + i }, user.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(DISABLE, { code: totpCode(secret, 1) }, user.accessToken))).toBe('TOO_MANY_REQUESTS');
  });

  it('disabling needs a fresh code or an unused recovery code', async () => {
    const user = await signUpUser(t);
    const { recovery } = await enrol(user);
    expect(errorCode(await t.gql(DISABLE, { code: 'abcde-fghij' }, user.accessToken))).toBe('BAD_USER_INPUT');
    expect((await t.gql(DISABLE, { code: recovery[3] }, user.accessToken)).data!.disableTotp).toBe(true);
    expect((await t.gql(STATUS, {}, user.accessToken)).data!.myTwoFactor).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect((await logIn(user)).data!.logIn.accessToken).toBeTruthy();
    expect(errorCode(await t.gql(DISABLE, { code: recovery[4] }, user.accessToken))).toBe('CONFLICT');
  });

  it('staff rights that require two-factor refuse a session without it, with a clear reason', async () => {
    const admin = await createAdminUser(t);
    const finance = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = ARRAY['FINANCE'] WHERE id = $1`, [finance.id]);
    // matrix: only admins read or change the setting
    expect(errorCode(await t.gql(SETTINGS))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SETTINGS, {}, finance.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET_REQUIRED, { rights: ['FINANCE'] }, finance.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET_REQUIRED, { rights: ['OWNER'] }, admin.accessToken))).toBe('BAD_USER_INPUT');

    const set = await t.gql(SET_REQUIRED, { rights: ['ADMIN', 'FINANCE'] }, admin.accessToken);
    expect(set.data!.setTotpRequiredFor.totpRequiredFor).toEqual(['ADMIN', 'FINANCE']);
    const refused = await t.gql(`{ auditLog(first: 1) { totalCount } }`, {}, admin.accessToken);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions.reason).toBe('TOTP_REQUIRED_FOR_STAFF');
    const token = await t.gql(`mutation { createApiToken(input: { name: "x", scopes: ["FINANCE"] }) { secret } }`, {}, finance.accessToken);
    expect(token.errors![0].extensions.reason).toBe('TOTP_REQUIRED_FOR_STAFF');
    // A member without staff rights is not affected.
    const member = await signUpUser(t);
    expect((await t.gql(`{ me { id } }`, {}, member.accessToken)).errors).toBeUndefined();

    // Enrolling proves the factor in this session; a fresh log-in with a code counts too.
    const { secret } = await enrol(admin);
    expect((await t.gql(`{ auditLog(first: 1) { totalCount } }`, {}, admin.accessToken)).errors).toBeUndefined();
    const fresh = await logIn(admin, { totpCode: totpCode(secret, 1) });
    expect((await t.gql(`{ auditLog(first: 1) { totalCount } }`, {}, fresh.data!.logIn.accessToken)).errors).toBeUndefined();
    const log = await t.gql(`{ auditLog(first: 5, action: "security.setTotpRequiredFor") { edges { node { actorId after } } } }`, {}, admin.accessToken);
    expect(log.data!.auditLog.edges[0].node).toMatchObject({ actorId: admin.id, after: { totpRequiredFor: ['ADMIN', 'FINANCE'] } });
    await t.gql(SET_REQUIRED, { rights: [] }, admin.accessToken);
  });

  it('authorization matrix: every two-factor operation needs a signed-in account', async () => {
    for (const [query, variables] of [[START, {}], [CONFIRM, { code: '123456' }], [DISABLE, { code: '123456' }], [STATUS, {}]] as const) {
      expect(errorCode(await t.gql(query, variables))).toBe('UNAUTHENTICATED');
    }
  });
});
