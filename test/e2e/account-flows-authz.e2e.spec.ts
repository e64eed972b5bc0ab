import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCOUNT_LINK,
  CLAIM,
  CONFIRM_EMAIL_CHANGE,
  END_SESSION,
  INVITE,
  linkSentTo,
  MY_SESSIONS,
  REQUEST_EMAIL_CHANGE,
  REQUEST_RESET,
  RESEND,
  RESET,
  setRequireVerifiedEmail,
  SIGN_OUT_EVERYWHERE,
  VERIFY,
} from '../factories/account-flows.js';
import { createGroup, JOIN } from '../factories/communities.js';
import { START_CHECKOUT } from '../factories/dues.js';
import { createEvent, REGISTER } from '../factories/events.js';
import { APPLY, applicationInput, createCohort, createProgram } from '../factories/mentoring.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser, uniqueEmail } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

type Who = 'anonymous' | 'owner' | 'other' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'owner', 'other', 'admin'];
const ACCEPT_OFFER = `mutation($id: ID!) { acceptWaitlistOffer(registrationId: $id) { id } }`;
const BOGUS_TOKEN = 'A'.repeat(43);

describe('account flows: who may do what (anonymous, the account owner, another member, an admin)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let other: TestUser;
  const token = (who: Who) => ({ anonymous: undefined, owner: owner.accessToken, other: other.accessToken, admin: admin.accessToken })[who];
  async function outcomes(query: string, variables: (who: Who) => Record<string, unknown> = () => ({})): Promise<Record<Who, string>> {
    const seen = {} as Record<Who, string>;
    for (const who of EVERYONE) {
      const result = await t.gql(query, variables(who), token(who));
      seen[who] = errorCode(result) ?? 'OK';
    }
    return seen;
  }

  beforeAll(async () => {
    t = await startTestApp({ ACCOUNT_EMAILS_MAX_PER_ADDRESS: '10000', ACCOUNT_EMAILS_MAX_PER_EMAIL: '100' });
    admin = await createAdminUser(t);
    owner = await signUpUser(t);
    other = await signUpUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('link mutations are public: the token is the authority, so everyone with a bad one gets BAD_USER_INPUT on `token`', async () => {
    for (const query of [VERIFY, CONFIRM_EMAIL_CHANGE, ACCOUNT_LINK]) {
      expect(await outcomes(query, () => ({ token: BOGUS_TOKEN }))).toEqual({ anonymous: 'BAD_USER_INPUT', owner: 'BAD_USER_INPUT', other: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' });
    }
    for (const query of [RESET, CLAIM]) {
      expect(await outcomes(query, () => ({ token: BOGUS_TOKEN, pw: 'long enough password' }))).toEqual({ anonymous: 'BAD_USER_INPUT', owner: 'BAD_USER_INPUT', other: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' });
    }
    expect(await outcomes(REQUEST_RESET, () => ({ email: uniqueEmail() }))).toEqual({ anonymous: 'OK', owner: 'OK', other: 'OK', admin: 'OK' });
  });

  it("the owner's own operations need a signed-in account and act on that account only", async () => {
    const signedIn = { anonymous: 'UNAUTHENTICATED', owner: 'OK', other: 'OK', admin: 'OK' };
    expect(await outcomes(RESEND)).toEqual(signedIn);
    expect(await outcomes(MY_SESSIONS)).toEqual(signedIn);
    // Signing out everywhere ends the caller's other sessions only: the owner's stays.
    expect(await outcomes(SIGN_OUT_EVERYWHERE)).toEqual(signedIn);
    expect((await t.gql(`{ me { id } }`, {}, owner.accessToken)).data!.me.id).toBe(owner.id);
    const change = await outcomes(REQUEST_EMAIL_CHANGE, (who) => ({ email: uniqueEmail(), pw: who === 'admin' ? 'admin password 123' : 'correct horse battery' }));
    expect(change).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'OK', other: 'OK', admin: 'OK' });

    // Sessions: each sees only their own; only the owner can end the owner's.
    const ownSessions = async (who: Who) => (await t.gql(MY_SESSIONS, {}, token(who))).data!.mySessions.edges.map((e: any) => e.node.id as string);
    const ownerSessions = await ownSessions('owner');
    for (const who of ['other', 'admin'] as Who[]) expect(await ownSessions(who)).not.toEqual(expect.arrayContaining([ownerSessions[0]]));
    const [ownerSession] = ownerSessions;
    const end = (who: Who) => t.gql(END_SESSION, { id: ownerSession }, token(who)).then((r) => errorCode(r) ?? 'OK');
    // Others first: the owner's own call ends the session.
    expect({ anonymous: await end('anonymous'), other: await end('other'), admin: await end('admin'), owner: await end('owner') }).toEqual({
      anonymous: 'UNAUTHENTICATED',
      other: 'NOT_FOUND',
      admin: 'NOT_FOUND',
      owner: 'OK',
    });
    owner = await signUpUser(t); // the old owner's only session has ended
  });

  it('invitations: staff only', async () => {
    const [{ id }] = await t.sql<{ id: string }>(`INSERT INTO users (email, password_hash, full_name) VALUES ($1, '!imported:no-password', 'Imported') RETURNING id`, [uniqueEmail('imp')]);
    expect(await outcomes(INVITE, () => ({ ids: [id] }))).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', admin: 'OK' });
  });

  it('User.emailVerified: the account and admins; claimed and invitationSentAt: admins', async () => {
    const verified = `query($id: ID!) { user(id: $id) { emailVerified } }`;
    expect(await outcomes(verified, () => ({ id: owner.id }))).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'OK', other: 'NOT_FOUND', admin: 'OK' });
    const staff = `query($id: ID!) { user(id: $id) { claimed invitationSentAt } }`;
    expect(await outcomes(staff, () => ({ id: owner.id }))).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'NOT_FOUND', admin: 'OK' });
    // In a list: one statement loads a page's account status, however long the page (the loader batches).
    const list = (first: number) =>
      countQueries(() => t.gql(`query($first: Int) { users(first: $first) { edges { node { id emailVerified claimed invitationSentAt } } } }`, { first }, admin.accessToken), dataStatements);
    const one = await list(1);
    const all = await list(50);
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data!.users.edges.length).toBeGreaterThanOrEqual(3);
    expect(all.count).toBe(one.count);
    expect(all.statements.filter((q) => q.includes('email_verified_at'))).toHaveLength(1);
  });

  it('association settings: public read of the public part; the full settings and changes are admin-only, audited', async () => {
    expect(await outcomes(`{ association { name requireVerifiedEmail } }`)).toEqual({ anonymous: 'OK', owner: 'OK', other: 'OK', admin: 'OK' });
    expect(await outcomes(`{ associationSettings { name requireVerifiedEmail updatedAt } }`)).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', admin: 'OK' });
    const rename = `mutation { updateAssociationSettings(input: { name: "Guild of Testers" }) { name } }`;
    expect(await outcomes(rename)).toEqual({ anonymous: 'UNAUTHENTICATED', owner: 'FORBIDDEN', other: 'FORBIDDEN', admin: 'OK' });
    expect((await t.gql(`{ association { name requireVerifiedEmail } }`)).data!.association).toEqual({ name: 'Guild of Testers', requireVerifiedEmail: false });
    const blank = await t.gql(`mutation { updateAssociationSettings(input: { name: "  " }) { name } }`, {}, admin.accessToken);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions.fields!.map((f) => f.path)).toEqual(['input.name']);
    const [entry] = await t.sql(`SELECT before, after FROM audit_log WHERE action = 'association.updateSettings'`);
    expect(entry).toEqual({ before: { name: 'Guildhall' }, after: { name: 'Guild of Testers' } });
  });
});

describe('requireVerifiedEmail: paying, applying, registering, mentoring and study groups wait for a verified email', () => {
  let t: TestApp;
  let admin: TestUser;
  let tierId: string;
  let eventId: string;
  let cohortId: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    tierId = await createTier(t, admin, { requiresApproval: false });
    eventId = await createEvent(t, admin);
    cohortId = await createCohort(t, admin, await createProgram(t, admin), { open: true });
    groupId = await createGroup(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const refusedForEmail = (result: GqlResult) => errorCode(result) === 'FORBIDDEN' && result.errors![0].extensions.reason === 'EMAIL_NOT_VERIFIED';
  const writes = async () =>
    (await t.sql(`SELECT (SELECT count(*) FROM memberships) + (SELECT count(*) FROM event_registrations) + (SELECT count(*) FROM mentoring_applications) + (SELECT count(*) FROM study_group_members) AS n`))[0].n;

  async function verify(user: TestUser): Promise<void> {
    const { token } = await linkSentTo(t, user.email, 'account-verify-email');
    expect((await t.gql(VERIFY, { token })).data!.verifyEmail).toBe(true);
  }

  it('off by default: an unverified account may apply', async () => {
    expect((await t.gql(`{ association { requireVerifiedEmail } }`)).data!.association.requireVerifiedEmail).toBe(false);
    const user = await signUpUser(t);
    expect((await applyFor(t, user, tierId)).data!.applyForMembership.status).toBe('ACTIVE');
  });

  it('on: each listed action is refused with FORBIDDEN / EMAIL_NOT_VERIFIED and writes nothing; after verifying, each goes through', async () => {
    const fresh = await signUpUser(t);
    const member = await signUpUser(t);
    expect((await applyFor(t, member, tierId)).data!.applyForMembership.status).toBe('ACTIVE'); // before the setting
    await setRequireVerifiedEmail(t, admin.accessToken, true);
    try {
      const [{ id: membershipId }] = await t.sql<{ id: string }>(`SELECT id FROM memberships WHERE user_id = $1`, [member.id]);
      const actions: Array<[string, () => Promise<GqlResult>]> = [
        ['applyForMembership', () => applyFor(t, fresh, tierId)],
        ['registerForEvent', () => t.gql(REGISTER, { eventId }, fresh.accessToken)],
        ['applyToCohort', () => t.gql(APPLY, { input: applicationInput(cohortId, { role: 'MENTEE' }) }, fresh.accessToken)],
        ['joinStudyGroup', () => t.gql(JOIN, { groupId }, member.accessToken)],
        ['startDuesCheckout', () => t.gql(START_CHECKOUT, { membershipId }, member.accessToken)],
        ['acceptWaitlistOffer', () => t.gql(ACCEPT_OFFER, { id: '00000000-0000-4000-8000-000000000000' }, fresh.accessToken)],
      ];
      const before = await writes();
      for (const [name, act] of actions) expect([name, refusedForEmail(await act())]).toEqual([name, true]);
      expect(await writes()).toBe(before);
      // Admins were made verified; the guard is per account.
      expect(refusedForEmail(await t.gql(REGISTER, { eventId }, admin.accessToken))).toBe(false);

      await verify(fresh);
      await verify(member);
      expect((await applyFor(t, fresh, tierId)).data!.applyForMembership.status).toBe('ACTIVE');
      expect((await t.gql(REGISTER, { eventId }, fresh.accessToken)).data!.registerForEvent.status).toBe('CONFIRMED');
      expect((await t.gql(APPLY, { input: applicationInput(cohortId, { role: 'MENTEE' }) }, fresh.accessToken)).data!.applyToCohort.role).toBe('MENTEE');
      expect((await t.gql(JOIN, { groupId }, member.accessToken)).data!.joinStudyGroup.status).toBe('ACTIVE');
      // Paying and accepting now get past the gate to their own rules (a free membership has nothing to pay; no such offer).
      for (const [name, act] of actions.slice(4)) {
        const result = await act();
        expect([name, refusedForEmail(result), errorCode(result)]).toEqual([name, false, expect.any(String)]);
      }
    } finally {
      await setRequireVerifiedEmail(t, admin.accessToken, false);
    }
  });
});
