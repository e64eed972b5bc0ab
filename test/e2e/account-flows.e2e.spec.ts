import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCOUNT_LINK,
  CLAIM,
  CONFIRM_EMAIL_CHANGE,
  countEmails,
  END_SESSION,
  expireToken,
  INVITE,
  linkSentTo,
  ME_STATUS,
  MY_SESSIONS,
  REQUEST_EMAIL_CHANGE,
  REQUEST_RESET,
  RESEND,
  RESET,
  sha256,
  SIGN_OUT_EVERYWHERE,
  VERIFY,
} from '../factories/account-flows.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, logIn, signUpUser, TestUser, uniqueEmail } from '../factories/users.js';
import { errorCode, GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

const ME = `{ me { id } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }`;

/** The session an access token names (its `sid` claim). */
const sessionIdOf = (user: TestUser): string => JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString()).sid;

const fieldsOf = (result: GqlResult) => result.errors?.[0]?.extensions.fields?.map((f) => f.path) ?? [];

describe('account flows', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    // One client address runs the whole file: its per-address limit is tested apart, below.
    t = await startTestApp({ ACCOUNT_EMAILS_MAX_PER_ADDRESS: '10000' });
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function requestReset(email: string): Promise<GqlResult> {
    const result = await t.gql(REQUEST_RESET, { email });
    await t.runJobs();
    return result;
  }

  describe('password reset', () => {
    it('emails a one-hour, single-use link; the new password works, the old does not, every session ends, and it is audited', async () => {
      const user = await signUpUser(t);
      const other = await logIn(t, user.email, user.password);
      expect((await requestReset(user.email.toUpperCase())).data!.requestPasswordReset).toBe(true);
      const link = await linkSentTo(t, user.email, 'account-password-reset');
      expect(link.bodyText).toContain(`${t.config.publicUrl}/reset-password?token=${link.token}`);
      expect(link.bodyHtml).toContain(`href="${t.config.publicUrl}/reset-password?token=${link.token}"`);

      // Stored hashed only, expiring in an hour.
      const [stored] = await t.sql(`SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_tokens WHERE user_id = $1 AND purpose = 'PASSWORD_RESET'`, [user.id]);
      expect(stored).toEqual({ token_hash: sha256(link.token), ttl: 3600 });
      expect(await t.sql(`SELECT 1 FROM account_tokens WHERE token_hash = $1`, [link.token])).toHaveLength(0);

      // The page can show what the link is for without using it.
      const described = (await t.gql(ACCOUNT_LINK, { token: link.token })).data!.accountLink;
      expect(described).toMatchObject({ purpose: 'PASSWORD_RESET', email: user.email });
      expect(Math.abs(Date.parse(described.expiresAt) - Date.now() - 3_600_000)).toBeLessThan(60_000);

      const reset = await t.gql(RESET, { token: link.token, pw: 'a fresh new password' });
      expect(reset.errors).toBeUndefined();
      expect(fieldsOf(await t.gql(ACCOUNT_LINK, { token: link.token }))).toEqual(['token']);
      expect(reset.data!.resetPassword).toBe(true);

      for (const session of [user, other]) {
        expect(errorCode(await t.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
        expect(errorCode(await t.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
      }
      expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: user.password } }))).toBe('UNAUTHENTICATED');
      const fresh = await logIn(t, user.email, 'a fresh new password');
      expect((await t.gql(ME_STATUS, {}, fresh.accessToken)).data!.me.emailVerified).toBe(true);

      const again = await t.gql(RESET, { token: link.token, pw: 'another new password' });
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(again)).toEqual(['token']);
      expect(again.errors![0].message).toMatch(/not valid/);

      const audit = await t.sql(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 AND action LIKE 'account.passwordReset%' ORDER BY created_at`, [user.id]);
      expect(audit).toEqual([
        { action: 'account.passwordResetRequested', actor_id: null },
        { action: 'account.passwordReset', actor_id: user.id },
      ]);
    });

    it('answers an unknown email exactly as a known one, and emails nobody', async () => {
      const user = await signUpUser(t);
      const unknown = uniqueEmail('nobody');
      const known = await t.gql(REQUEST_RESET, { email: user.email });
      const stranger = await t.gql(REQUEST_RESET, { email: unknown });
      expect(stranger).toEqual(known);
      expect(stranger.data).toEqual({ requestPasswordReset: true });
      // The request did the same work for both: one throttle record and one queued job each.
      const recorded = await t.sql(`SELECT email FROM account_email_requests WHERE email = ANY($1) ORDER BY email`, [[user.email, unknown]]);
      expect(recorded).toHaveLength(2);
      await t.runJobs();
      expect(await countEmails(t, unknown, 'account-password-reset')).toBe(0);
      expect(await countEmails(t, user.email, 'account-password-reset')).toBe(1);
    });

    it('refuses an expired link, and a link superseded by a newer request', async () => {
      const user = await signUpUser(t);
      await requestReset(user.email);
      const first = await linkSentTo(t, user.email, 'account-password-reset');
      await requestReset(user.email);
      const second = await linkSentTo(t, user.email, 'account-password-reset');
      expect(second.token).not.toBe(first.token);
      expect(fieldsOf(await t.gql(RESET, { token: first.token, pw: 'a fresh new password' }))).toEqual(['token']);
      await expireToken(t, second.token);
      const expired = await t.gql(RESET, { token: second.token, pw: 'a fresh new password' });
      expect(errorCode(expired)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(expired)).toEqual(['token']);
      await logIn(t, user.email, user.password); // unchanged
    });

    it('checks the new password like sign-up and the token shape, naming the field', async () => {
      const short = await t.gql(RESET, { token: 'a'.repeat(43), pw: 'short' });
      expect(errorCode(short)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(short)).toEqual(['newPassword']);
      const malformed = await t.gql(RESET, { token: 'not a token', pw: 'long enough password' });
      expect(fieldsOf(malformed)).toEqual(['token']);
      const email = await t.gql(REQUEST_RESET, { email: 'not-an-email' });
      expect(fieldsOf(email)).toEqual(['email']);
    });

    it('lifts the log-in throttle of the email: someone locked out by guesses signs in with the new password', async () => {
      const user = await signUpUser(t);
      for (let i = 0; i < t.config.loginThrottle.maxPerEmail; i++) await t.gql(LOG_IN, { input: { email: user.email, password: 'a wrong guess!' } });
      expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: user.password } }))).toBe('TOO_MANY_REQUESTS');
      await requestReset(user.email);
      const { token } = await linkSentTo(t, user.email, 'account-password-reset');
      expect((await t.gql(RESET, { token, pw: 'after the lockout' })).data!.resetPassword).toBe(true);
      await logIn(t, user.email, 'after the lockout');
    });

    it('lets exactly one of two simultaneous resets with one token through', async () => {
      const user = await signUpUser(t);
      await requestReset(user.email);
      const { token } = await linkSentTo(t, user.email, 'account-password-reset');
      const results = await Promise.all([
        t.gql(RESET, { token, pw: 'first racer password' }),
        t.gql(RESET, { token, pw: 'second racer password' }),
      ]);
      const ok = results.filter((r) => r.data?.resetPassword === true);
      const refused = results.filter((r) => errorCode(r) === 'BAD_USER_INPUT');
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const winner = results[0] === ok[0] ? 'first racer password' : 'second racer password';
      await logIn(t, user.email, winner);
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'account.passwordReset'`, [user.id]);
      expect(n).toBe(1);
    });

    it('throttles requests per email, known or not, with the same answer', async () => {
      const user = await signUpUser(t);
      const unknown = uniqueEmail('ghost');
      for (let i = 0; i < t.config.accountEmailThrottle.maxPerEmail; i++) {
        expect((await t.gql(REQUEST_RESET, { email: user.email })).data!.requestPasswordReset).toBe(true);
        expect((await t.gql(REQUEST_RESET, { email: unknown })).data!.requestPasswordReset).toBe(true);
      }
      const known = await t.gql(REQUEST_RESET, { email: user.email });
      const stranger = await t.gql(REQUEST_RESET, { email: unknown });
      expect(errorCode(known)).toBe('TOO_MANY_REQUESTS');
      expect(stranger).toEqual(known);
    });
  });

  describe('account claim for imported members', () => {
    let tierName: string;
    beforeAll(async () => {
      tierName = `Claim Tier ${Date.now()}`;
      await createTier(t, admin, { name: tierName });
    });

    async function importPeople(emails: string[]): Promise<string[]> {
      const day = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
      const rows = emails.map((e, i) => `${e},Imported ${i},${tierName},ACTIVE,${new Date(day.getTime() + 100 * 86_400_000).toISOString()},${new Date(day.getTime() - 10 * 86_400_000).toISOString()}`);
      const response = await fetch(`${t.url}/admin/members/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.accessToken}` },
        body: `email,full_name,tier,status,current_period_end,joined_at\n${rows.join('\n')}\n`,
      });
      expect(response.status).toBe(200);
      const users = await t.sql<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = ANY($1)`, [emails]);
      return emails.map((e) => users.find((u) => u.email === e)!.id);
    }

    const STATUS = `query($id: ID!) { user(id: $id) { id claimed invitationSentAt emailVerified } }`;

    it('invites an imported account; the link sets the password, verifies the email and signs in; once', async () => {
      const email = uniqueEmail('imported');
      const [id] = await importPeople([email]);
      expect((await t.gql(STATUS, { id }, admin.accessToken)).data!.user).toEqual({ id, claimed: false, invitationSentAt: null, emailVerified: false });

      const invited = await t.gql(INVITE, { ids: [id] }, admin.accessToken);
      expect(invited.errors).toBeUndefined();
      expect(invited.data!.sendAccountInvitations).toMatchObject({ invited: 1, skipped: 0 });
      const link = await linkSentTo(t, email, 'account-invitation');
      expect(link.bodyText).toContain(`${t.config.publicUrl}/claim?token=${link.token}`);
      const status = (await t.gql(STATUS, { id }, admin.accessToken)).data!.user;
      expect(status.invitationSentAt).not.toBeNull();
      const [{ ttl }] = await t.sql(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_tokens WHERE token_hash = $1`, [sha256(link.token)]);
      expect(ttl).toBe(14 * 86400);

      expect((await t.gql(ACCOUNT_LINK, { token: link.token })).data!.accountLink).toMatchObject({ purpose: 'ACCOUNT_CLAIM', email });
      const claimed = await t.gql(CLAIM, { token: link.token, pw: 'my own password' });
      expect(claimed.errors).toBeUndefined();
      expect(claimed.data!.claimAccount.user).toEqual({ id, email, emailVerified: true });
      expect((await t.gql(ME, {}, claimed.data!.claimAccount.accessToken)).data!.me.id).toBe(id);
      await logIn(t, email, 'my own password');
      expect((await t.gql(STATUS, { id }, admin.accessToken)).data!.user).toMatchObject({ claimed: true, emailVerified: true });

      expect(fieldsOf(await t.gql(CLAIM, { token: link.token, pw: 'a second password' }))).toEqual(['token']);
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action IN ('account.invitationSent', 'account.claimed')`, [id]);
      expect(n).toBe(2);
    });

    it('in a browser session (X-Guildhall-Session: cookie) the claim sets the refresh cookie, as logIn does', async () => {
      const email = uniqueEmail('portal');
      const [id] = await importPeople([email]);
      await t.gql(INVITE, { ids: [id] }, admin.accessToken);
      const { token } = await linkSentTo(t, email, 'account-invitation');
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guildhall-session': 'cookie' },
        body: JSON.stringify({ query: CLAIM.replace('refreshToken', 'refreshToken accessTokenExpiresAt'), variables: { token, pw: 'my own password' } }),
      });
      const body = (await response.json()) as GqlResult;
      expect(body.errors).toBeUndefined();
      expect(body.data!.claimAccount).toMatchObject({ refreshToken: null, user: { id } });
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('guildhall_refresh='));
      expect(cookie).toMatch(/HttpOnly/i);
      const refreshed = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guildhall-session': 'cookie', cookie: cookie!.split(';')[0] },
        body: JSON.stringify({ query: `mutation { refreshSession { accessToken user { id } } }` }),
      });
      expect(((await refreshed.json()) as GqlResult).data!.refreshSession.user.id).toBe(id);
    });

    it('skips claimed accounts; allUnclaimed invites those without a live invitation only', async () => {
      const emails = [uniqueEmail('batch'), uniqueEmail('batch')];
      const ids = await importPeople(emails);
      const member = await signUpUser(t);
      const some = await t.gql(INVITE, { ids: [ids[0], member.id] }, admin.accessToken);
      expect(some.data!.sendAccountInvitations).toMatchObject({ invited: 1, skipped: 1 });
      expect(await countEmails(t, member.email, 'account-invitation')).toBe(0);

      const all = await t.gql(INVITE, { all: true }, admin.accessToken);
      expect(all.data!.sendAccountInvitations).toEqual({ invited: 1, skipped: 0, remaining: 0 });
      expect(await countEmails(t, emails[0], 'account-invitation')).toBe(1);
      expect(await countEmails(t, emails[1], 'account-invitation')).toBe(1);
      expect((await t.gql(INVITE, { all: true }, admin.accessToken)).data!.sendAccountInvitations.invited).toBe(0);

      const neither = await t.gql(INVITE, {}, admin.accessToken);
      expect(errorCode(neither)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(neither)).toEqual(['userIds']);
    });

    it('refuses an expired invitation, and one whose account set a password by reset meanwhile', async () => {
      const [a, b] = [uniqueEmail('late'), uniqueEmail('reset')];
      const [idA, idB] = await importPeople([a, b]);
      await t.gql(INVITE, { ids: [idA, idB] }, admin.accessToken);
      const linkA = await linkSentTo(t, a, 'account-invitation');
      await expireToken(t, linkA.token);
      expect(fieldsOf(await t.gql(CLAIM, { token: linkA.token, pw: 'my own password' }))).toEqual(['token']);

      const linkB = await linkSentTo(t, b, 'account-invitation');
      await requestReset(b);
      const reset = await linkSentTo(t, b, 'account-password-reset');
      expect((await t.gql(RESET, { token: reset.token, pw: 'set by a reset' })).data!.resetPassword).toBe(true);
      const late = await t.gql(CLAIM, { token: linkB.token, pw: 'my own password' });
      expect(fieldsOf(late)).toEqual(['token']);
      expect(late.errors![0].extensions.reason).toBe('ALREADY_CLAIMED');
      await logIn(t, b, 'set by a reset');
    });
  });

  describe('email verification', () => {
    it('sign-up sends a 7-day link; verifyEmail marks the account verified, once', async () => {
      const user = await signUpUser(t, { fullName: 'Ada <b>"Lovelace"</b>' });
      expect((await t.gql(ME_STATUS, {}, user.accessToken)).data!.me.emailVerified).toBe(false);
      const link = await linkSentTo(t, user.email, 'account-verify-email');
      expect(link.bodyText).toContain(`${t.config.publicUrl}/verify-email?token=${link.token}`);
      // The HTML alternative escapes what people typed.
      expect(link.bodyHtml).toContain('Dear Ada &lt;b&gt;&quot;Lovelace&quot;&lt;/b&gt;,');
      expect(link.bodyHtml).not.toContain('<b>');
      const [{ ttl }] = await t.sql(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_tokens WHERE token_hash = $1`, [sha256(link.token)]);
      expect(ttl).toBe(7 * 86400);
      expect((await t.gql(VERIFY, { token: link.token })).data!.verifyEmail).toBe(true);
      expect((await t.gql(ME_STATUS, {}, user.accessToken)).data!.me.emailVerified).toBe(true);
      expect(fieldsOf(await t.gql(VERIFY, { token: link.token }))).toEqual(['token']);
      expect((await t.gql(RESEND, {}, user.accessToken)).data!.resendVerificationEmail).toBe(false);
    });

    it('resends a new link (the old one stops working), throttled per email', async () => {
      const user = await signUpUser(t);
      const first = await linkSentTo(t, user.email, 'account-verify-email');
      expect((await t.gql(RESEND, {}, user.accessToken)).data!.resendVerificationEmail).toBe(true);
      const second = await linkSentTo(t, user.email, 'account-verify-email');
      expect(fieldsOf(await t.gql(VERIFY, { token: first.token }))).toEqual(['token']);
      for (let i = 1; i < t.config.accountEmailThrottle.maxPerEmail; i++) {
        expect((await t.gql(RESEND, {}, user.accessToken)).data!.resendVerificationEmail).toBe(true);
      }
      expect(errorCode(await t.gql(RESEND, {}, user.accessToken))).toBe('TOO_MANY_REQUESTS');
      expect(fieldsOf(await t.gql(VERIFY, { token: second.token }))).toEqual(['token']); // superseded by the later resends
      await expireToken(t, (await linkSentTo(t, user.email, 'account-verify-email')).token);
      expect(fieldsOf(await t.gql(VERIFY, { token: (await linkSentTo(t, user.email, 'account-verify-email')).token }))).toEqual(['token']);
    });
  });

  describe('email change', () => {
    it('confirms by a link to the new address, tells the old one, switches and verifies; audited', async () => {
      const user = await signUpUser(t);
      const newEmail = uniqueEmail('moved');
      const asked = await t.gql(REQUEST_EMAIL_CHANGE, { email: newEmail.toUpperCase(), pw: user.password }, user.accessToken);
      expect(asked.errors).toBeUndefined();
      const link = await linkSentTo(t, newEmail, 'account-email-change-confirm');
      expect(link.bodyText).toContain(`${t.config.publicUrl}/confirm-email?token=${link.token}`);
      expect(await countEmails(t, user.email, 'account-email-change-notice')).toBe(1);
      const [{ ttl }] = await t.sql(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_tokens WHERE token_hash = $1`, [sha256(link.token)]);
      expect(ttl).toBe(86400);
      // Nothing changes until the new address confirms.
      expect((await t.gql(ME_STATUS, {}, user.accessToken)).data!.me.email).toBe(user.email);

      expect((await t.gql(CONFIRM_EMAIL_CHANGE, { token: link.token })).data!.confirmEmailChange).toBe(true);
      expect((await t.gql(ME_STATUS, {}, user.accessToken)).data!.me).toMatchObject({ email: newEmail, emailVerified: true });
      await logIn(t, newEmail, user.password);
      expect(fieldsOf(await t.gql(CONFIRM_EMAIL_CHANGE, { token: link.token }))).toEqual(['token']);
      const [entry] = await t.sql(`SELECT before, after FROM audit_log WHERE target_id = $1 AND action = 'account.emailChanged'`, [user.id]);
      expect(entry).toEqual({ before: { email: user.email }, after: { email: newEmail } });
    });

    it('refuses a wrong password, a taken address, the same address, and an expired link', async () => {
      const user = await signUpUser(t);
      const other = await signUpUser(t);
      const wrong = await t.gql(REQUEST_EMAIL_CHANGE, { email: uniqueEmail(), pw: 'not my password' }, user.accessToken);
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(wrong)).toEqual(['currentPassword']);
      const taken = await t.gql(REQUEST_EMAIL_CHANGE, { email: other.email, pw: user.password }, user.accessToken);
      expect(errorCode(taken)).toBe('CONFLICT');
      expect(fieldsOf(taken)).toEqual(['newEmail']);
      expect(fieldsOf(await t.gql(REQUEST_EMAIL_CHANGE, { email: user.email, pw: user.password }, user.accessToken))).toEqual(['newEmail']);
      const newEmail = uniqueEmail('slow');
      await t.gql(REQUEST_EMAIL_CHANGE, { email: newEmail, pw: user.password }, user.accessToken);
      const link = await linkSentTo(t, newEmail, 'account-email-change-confirm');
      await expireToken(t, link.token);
      expect(fieldsOf(await t.gql(CONFIRM_EMAIL_CHANGE, { token: link.token }))).toEqual(['token']);
      expect((await t.gql(ME_STATUS, {}, user.accessToken)).data!.me.email).toBe(user.email);
    });

    it('two accounts confirming the same new address at once: one wins, the other gets CONFLICT', async () => {
      const [a, b] = [await signUpUser(t), await signUpUser(t)];
      const target = uniqueEmail('contested');
      expect((await t.gql(REQUEST_EMAIL_CHANGE, { email: target, pw: a.password }, a.accessToken)).data!.requestEmailChange).toBe(true);
      const tokenA = (await linkSentTo(t, target, 'account-email-change-confirm')).token;
      expect((await t.gql(REQUEST_EMAIL_CHANGE, { email: target, pw: b.password }, b.accessToken)).data!.requestEmailChange).toBe(true);
      const tokenB = (await linkSentTo(t, target, 'account-email-change-confirm')).token;
      expect(tokenB).not.toBe(tokenA);

      const results = await Promise.all([t.gql(CONFIRM_EMAIL_CHANGE, { token: tokenA }), t.gql(CONFIRM_EMAIL_CHANGE, { token: tokenB })]);
      expect(results.filter((r) => r.data?.confirmEmailChange === true)).toHaveLength(1);
      const loser = results.find((r) => r.errors)!;
      expect(errorCode(loser)).toBe('CONFLICT');
      expect(loser.errors![0].extensions.reason).toBe('EMAIL_TAKEN');
      const owners = await t.sql(`SELECT id FROM users WHERE email = $1`, [target]);
      expect(owners).toHaveLength(1);
      // The loser's account keeps its address.
      const loserUser = results[0] === loser ? a : b;
      expect((await t.gql(ME_STATUS, {}, loserUser.accessToken)).data!.me.email).toBe(loserUser.email);
    });
  });

  describe('sessions', () => {
    it('lists live sessions with the current one marked; ends one; signs out everywhere else', async () => {
      const user = await signUpUser(t);
      const second = await logIn(t, user.email, user.password);
      const third = await logIn(t, user.email, user.password);
      const listed = await t.gql(MY_SESSIONS, {}, second.accessToken);
      expect(listed.errors).toBeUndefined();
      const sessions = listed.data!.mySessions;
      expect(sessions.totalCount).toBe(3);
      expect(sessions.edges.filter((e: any) => e.node.current)).toHaveLength(1);
      expect(sessions.edges[0].node).toMatchObject({ clientAddress: expect.any(String), userAgent: expect.any(String) });

      const page = await t.gql(MY_SESSIONS, { first: 2 }, second.accessToken);
      expect(page.data!.mySessions.pageInfo.hasNextPage).toBe(true);
      const rest = await t.gql(MY_SESSIONS, { first: 2, after: page.data!.mySessions.pageInfo.endCursor }, second.accessToken);
      const ids = [...page.data!.mySessions.edges, ...rest.data!.mySessions.edges].map((e: any) => e.node.id);
      expect(new Set(ids).size).toBe(3);

      expect(sessions.edges.find((e: any) => e.node.current).node.id).toBe(sessionIdOf(second));

      const thirdId = sessionIdOf(third);
      expect((await t.gql(END_SESSION, { id: thirdId }, second.accessToken)).data!.endSession).toBe(true);
      expect(errorCode(await t.gql(ME, {}, third.accessToken))).toBe('UNAUTHENTICATED');
      expect((await t.gql(ME, {}, user.accessToken)).data!.me.id).toBe(user.id);
      expect(errorCode(await t.gql(END_SESSION, { id: thirdId }, second.accessToken))).toBe('NOT_FOUND');
      expect((await t.gql(MY_SESSIONS, {}, second.accessToken)).data!.mySessions.totalCount).toBe(2);

      expect((await t.gql(SIGN_OUT_EVERYWHERE, {}, second.accessToken)).data!.signOutEverywhere).toBe(1);
      expect((await t.gql(ME, {}, second.accessToken)).data!.me.id).toBe(user.id);
      expect(errorCode(await t.gql(ME, {}, user.accessToken))).toBe('UNAUTHENTICATED');
      const left = await t.gql(MY_SESSIONS, {}, second.accessToken);
      expect(left.data!.mySessions.edges.map((e: any) => e.node.current)).toEqual([true]);
    });

    it("cannot end another account's session (NOT_FOUND, nothing ended)", async () => {
      const owner = await signUpUser(t);
      const stranger = await signUpUser(t);
      const [{ id }] = (await t.gql(MY_SESSIONS, {}, owner.accessToken)).data!.mySessions.edges.map((e: any) => e.node);
      expect(errorCode(await t.gql(END_SESSION, { id }, stranger.accessToken))).toBe('NOT_FOUND');
      expect((await t.gql(ME, {}, owner.accessToken)).data!.me.id).toBe(owner.id);
    });
  });
});

describe('account email throttle per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ACCOUNT_EMAILS_MAX_PER_ADDRESS: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a fourth request from one address, whatever the emails', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(REQUEST_RESET, { email: uniqueEmail('spread') })).data!.requestPasswordReset).toBe(true);
    const refused = await t.gql(REQUEST_RESET, { email: uniqueEmail('spread') });
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions.reason).toBe('ACCOUNT_EMAIL_THROTTLED');
  });
});
