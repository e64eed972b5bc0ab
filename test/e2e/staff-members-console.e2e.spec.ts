import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffPermission } from '../../libs/core/src/index.js';
import { createEvent } from '../factories/events.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';

/** The staff console's member page and invitations screen, read by MEMBERSHIP_MANAGER staff from seeded data. */
const GRANT_PERMISSIONS = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const REGISTRATIONS = `query($u: ID!, $first: Int, $after: String) { memberRegistrations(userId: $u, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status eventId eventTitle creditsEarned } } } }`;
const TRANSCRIPT = `query($u: ID!) { memberTranscript(userId: $u) { totalCredits byCategory { category credits } entries { title credits } } }`;
const PAYMENTS = `query($u: ID!) { memberPayments(userId: $u, first: 10) { totalCount edges { node { id method amount { amount currency } purpose } } } }`;
const HISTORY = `query($u: ID!) { membershipStatusHistory(userId: $u) { membershipId tierName fromStatus toStatus actorId reason } }`;
const TRAIL = `query($u: ID!, $first: Int, $after: String) { memberAuditTrail(userId: $u, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { action targetType targetId actorId } } } }`;
const USERS = `query($search: String, $joinedFrom: DateTime, $joinedTo: DateTime, $lapsedFrom: DateTime, $lapsedTo: DateTime) {
  users(first: 50, search: $search, joinedFrom: $joinedFrom, joinedTo: $joinedTo, lapsedFrom: $lapsedFrom, lapsedTo: $lapsedTo) { totalCount edges { node { id fullName } } } }`;
const UNCLAIMED = `query($notInvited: Boolean) { unclaimedAccounts(first: 50, notInvited: $notInvited) { totalCount edges { node { id fullName email claimed invitationSentAt } } } }`;
const INVITE = `mutation($ids: [ID!]) { sendAccountInvitations(userIds: $ids) { invited skipped } }`;
const DAY = 86_400_000;

describe('staff console: a member page from seeded data', () => {
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let member: TestUser;
  let other: TestUser;
  let membershipId: string;
  let eventIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    manager = await signUpUser(t, { fullName: 'Mona Manager' });
    await t.gql(GRANT_PERMISSIONS, { id: manager.id, p: [StaffPermission.MEMBERSHIP_MANAGER] }, admin.accessToken);
    member = await signUpUser(t, { fullName: 'Grace Hopper' });
    other = await signUpUser(t, { fullName: 'Alan Turing' });

    const tierId = await createTier(t, admin, { name: 'Professional', price: { amount: 12_000, currency: 'EUR' } });
    membershipId = (await applyFor(t, member, tierId)).data!.applyForMembership.id;
    const paid = await t.gql(
      `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`,
      { input: { membershipId, amount: { amount: 12_000, currency: 'EUR' }, method: 'BANK_TRANSFER', reference: 'GH-1' } },
      admin.accessToken,
    );
    if (!paid.data?.recordOfflinePayment) throw new Error(JSON.stringify(paid.errors));

    eventIds = [await createEvent(t, admin, { title: 'Compilers 101', ceCredits: 2, ceCategory: 'Technical' }), await createEvent(t, admin, { title: 'Ethics at work' })];
    for (const eventId of eventIds) {
      const registered = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: eventId }, member.accessToken);
      if (!registered.data?.registerForEvent) throw new Error(JSON.stringify(registered.errors));
      if (eventId === eventIds[0]) await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registered.data.registerForEvent.id }, admin.accessToken);
    }
    // The attended event is moved into the past (credits count from the session's date, up to now).
    await t.sql(`UPDATE event_sessions SET starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' WHERE event_id = $1`, [eventIds[0]]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('memberRegistrations: the person’s registrations newest first, with event and credits, in keyset pages', async () => {
    const first = await t.gql(REGISTRATIONS, { u: member.id, first: 1 }, manager.accessToken);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.memberRegistrations;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0].node).toMatchObject({ status: 'CONFIRMED', eventId: eventIds[1], eventTitle: 'Ethics at work', creditsEarned: 0 });
    const page2 = (await t.gql(REGISTRATIONS, { u: member.id, first: 1, after: page1.pageInfo.endCursor }, manager.accessToken)).data!.memberRegistrations;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges[0].node).toMatchObject({ eventId: eventIds[0], eventTitle: 'Compilers 101', creditsEarned: 2 });
    expect((await t.gql(REGISTRATIONS, { u: other.id }, manager.accessToken)).data!.memberRegistrations.totalCount).toBe(0);
    const bad = await t.gql(REGISTRATIONS, { u: member.id, after: 'nonsense' }, manager.accessToken);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('memberTranscript and memberPayments: the credits earned and the payment recorded, for that person only', async () => {
    const transcript = (await t.gql(TRANSCRIPT, { u: member.id }, manager.accessToken)).data!.memberTranscript;
    expect(transcript.totalCredits).toBe(2);
    expect(transcript.byCategory).toEqual([{ category: 'Technical', credits: 2 }]);
    expect((await t.gql(TRANSCRIPT, { u: other.id }, manager.accessToken)).data!.memberTranscript.totalCredits).toBe(0);

    const payments = (await t.gql(PAYMENTS, { u: member.id }, manager.accessToken)).data!.memberPayments;
    expect(payments.totalCount).toBe(1);
    expect(payments.edges[0].node).toMatchObject({ method: 'bank_transfer', amount: { amount: 12_000, currency: 'EUR' }, purpose: 'DUES' });
    expect((await t.gql(PAYMENTS, { u: other.id }, manager.accessToken)).data!.memberPayments.totalCount).toBe(0);
  });

  it('membershipStatusHistory and memberAuditTrail: the person’s changes and the audit entries about them, no one else’s', async () => {
    const history = (await t.gql(HISTORY, { u: member.id }, manager.accessToken)).data!.membershipStatusHistory;
    expect(history.map((c: { toStatus: string }) => c.toStatus)).toEqual(['ACTIVE', 'PENDING_PAYMENT']);
    expect(history[0]).toMatchObject({ membershipId, tierName: 'Professional', fromStatus: 'PENDING_PAYMENT' });

    const complimentary = await createTier(t, admin, { name: 'Honorary' });
    const granted = await t.gql(`mutation($u: ID!, $t: ID!) { grantMembership(userId: $u, tierId: $t) { id } }`, { u: other.id, t: complimentary }, manager.accessToken);
    const grantedId = granted.data!.grantMembership.id;
    await t.gql(`mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`, { id: other.id, p: ['CHECK_IN'] }, admin.accessToken);

    const trail = (await t.gql(TRAIL, { u: other.id, first: 1 }, manager.accessToken)).data!.memberAuditTrail;
    expect(trail.totalCount).toBe(2);
    expect(trail.pageInfo.hasNextPage).toBe(true);
    const next = (await t.gql(TRAIL, { u: other.id, first: 1, after: trail.pageInfo.endCursor }, manager.accessToken)).data!.memberAuditTrail;
    const entries = [...trail.edges, ...next.edges].map((e: { node: Record<string, unknown> }) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'membership.grant', targetType: 'Membership', targetId: grantedId, actorId: manager.id }),
        expect.objectContaining({ targetType: 'User', targetId: other.id, actorId: admin.id }),
      ]),
    );
    const memberTrail = (await t.gql(TRAIL, { u: member.id }, manager.accessToken)).data!.memberAuditTrail;
    expect(memberTrail.edges.every((e: { node: { targetId: string } }) => e.node.targetId === member.id || e.node.targetId === membershipId)).toBe(true);
  });

  it('users: joined and lapsed date filters, with the range checked', async () => {
    const ids = async (vars: Record<string, unknown>) =>
      (await t.gql(USERS, { search: 'Grace', ...vars }, manager.accessToken)).data!.users.edges.map((e: { node: { id: string } }) => e.node.id);
    const yesterday = new Date(Date.now() - DAY).toISOString();
    const tomorrow = new Date(Date.now() + DAY).toISOString();
    expect(await ids({ joinedFrom: yesterday, joinedTo: tomorrow })).toEqual([member.id]);
    expect(await ids({ joinedTo: yesterday })).toEqual([]);
    expect(await ids({ lapsedFrom: yesterday })).toEqual([]);

    // The membership lapses (as the daily job would): the change is what the lapsed filter reads.
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE id = $1`, [membershipId]);
    await t.sql(`INSERT INTO membership_status_changes (membership_id, from_status, to_status) VALUES ($1, 'GRACE', 'LAPSED')`, [membershipId]);
    expect(await ids({ lapsedFrom: yesterday, lapsedTo: tomorrow })).toEqual([member.id]);
    expect(await ids({ lapsedTo: yesterday })).toEqual([]);

    const backwards = await t.gql(USERS, { joinedFrom: tomorrow, joinedTo: yesterday }, manager.accessToken);
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'joinedTo' }] });
  });

  it('unclaimedAccounts: imported accounts not yet claimed, with who was invited when', async () => {
    const [imported] = await t.sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name) VALUES ('imported.person@example.org', '!imported:no-password', 'Imported Person') RETURNING id`,
    );
    const before = (await t.gql(UNCLAIMED, {}, manager.accessToken)).data!.unclaimedAccounts;
    expect(before.edges.map((e: { node: { id: string } }) => e.node)).toEqual([
      { id: imported.id, fullName: 'Imported Person', email: 'imported.person@example.org', claimed: false, invitationSentAt: null },
    ]);
    expect((await t.gql(INVITE, { ids: [imported.id] }, manager.accessToken)).data!.sendAccountInvitations.invited).toBe(1);
    const after = (await t.gql(UNCLAIMED, {}, manager.accessToken)).data!.unclaimedAccounts;
    expect(Date.parse(after.edges[0].node.invitationSentAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.gql(UNCLAIMED, { notInvited: true }, manager.accessToken)).data!.unclaimedAccounts.totalCount).toBe(0);
  });

  it('a member and FINANCE-only staff are refused the membership reads; FINANCE may read payments', async () => {
    const finance = await signUpUser(t);
    await t.gql(GRANT_PERMISSIONS, { id: finance.id, p: [StaffPermission.FINANCE] }, admin.accessToken);
    for (const query of [REGISTRATIONS, TRANSCRIPT, HISTORY, TRAIL]) {
      expect(errorCode(await t.gql(query, { u: member.id }, finance.accessToken))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(query, { u: member.id }, member.accessToken))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(UNCLAIMED, {}, finance.accessToken))).toBe('FORBIDDEN');
    expect((await t.gql(PAYMENTS, { u: member.id }, finance.accessToken)).data!.memberPayments.totalCount).toBe(1);
  });
});
