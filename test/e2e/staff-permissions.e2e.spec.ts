import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffPermission } from '../../libs/core/src/index.js';
import { createEvent, eventInput } from '../factories/events.js';
import { cohortInput } from '../factories/mentoring.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * The authorization matrix by staff permission: every staff operation, run by anonymous, a member,
 * one account per permission, and an admin. Allowed callers get past the guard (they may still meet
 * NOT_FOUND for a made-up id); everyone else is FORBIDDEN, anonymous UNAUTHENTICATED.
 */
const { MEMBERSHIP_MANAGER, FINANCE, EVENT_MANAGER, CHECK_IN, MENTORING_COORDINATOR, COMMUNITY_MANAGER } = StaffPermission;
const PERMISSIONS = Object.values(StaffPermission);
type Caller = 'anonymous' | 'member' | 'admin' | StaffPermission;
const CALLERS: Caller[] = ['anonymous', 'member', ...PERMISSIONS, 'admin'];
const REFUSED = ['UNAUTHENTICATED', 'FORBIDDEN'];

interface Row {
  operation: string;
  /** Who besides ADMIN may run it; [] means ADMIN only. */
  allowed: StaffPermission[];
  query: string;
  variables: () => Record<string, unknown>;
}

const id = () => randomUUID();
const range = () => ({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
const tierInput = () => ({
  name: `Matrix tier ${randomUUID().slice(0, 8)}`, price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR',
  requiresApproval: false, gracePeriodDays: 14, eventDiscountPercent: 0,
});

const ROWS: Row[] = [
  // membership
  { operation: 'users', allowed: [MEMBERSHIP_MANAGER, FINANCE], query: `{ users(first: 1) { totalCount } }`, variables: () => ({}) },
  { operation: 'membershipStats', allowed: [MEMBERSHIP_MANAGER], query: `{ membershipStats { __typename } }`, variables: () => ({}) },
  { operation: 'createMembershipTier', allowed: [MEMBERSHIP_MANAGER], query: `mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id } }`, variables: () => ({ input: tierInput() }) },
  { operation: 'updateMembershipTier', allowed: [MEMBERSHIP_MANAGER], query: `mutation($id: ID!) { updateMembershipTier(id: $id, input: { description: "x" }) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'approveMembership', allowed: [MEMBERSHIP_MANAGER], query: `mutation($id: ID!) { approveMembership(membershipId: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'declineMembership', allowed: [MEMBERSHIP_MANAGER], query: `mutation($id: ID!) { declineMembership(membershipId: $id, reason: "no") { id } }`, variables: () => ({ id: id() }) },
  { operation: 'grantMembership', allowed: [MEMBERSHIP_MANAGER], query: `mutation($u: ID!, $t: ID!) { grantMembership(userId: $u, tierId: $t) { id } }`, variables: () => ({ u: id(), t: id() }) },
  { operation: 'sendAccountInvitations', allowed: [MEMBERSHIP_MANAGER], query: `mutation($ids: [ID!]) { sendAccountInvitations(userIds: $ids) { __typename } }`, variables: () => ({ ids: [id()] }) },
  // finance
  { operation: 'payments', allowed: [FINANCE], query: `{ payments(first: 1) { totalCount } }`, variables: () => ({}) },
  { operation: 'refundPayment', allowed: [FINANCE], query: `mutation($id: ID!) { refundPayment(paymentId: $id, amount: 1) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'recordOfflinePayment', allowed: [FINANCE], query: `mutation($m: ID!) { recordOfflinePayment(input: { membershipId: $m, amount: { amount: 100, currency: "USD" }, method: CHEQUE, reference: "r" }) { id } }`, variables: () => ({ m: id() }) },
  { operation: 'reconcileStripe', allowed: [FINANCE], query: `mutation { reconcileStripe { eventsScanned } }`, variables: () => ({}) },
  { operation: 'paymentsTotals', allowed: [FINANCE], query: `{ payments(first: 1, purpose: DUES) { totals { currency } } }`, variables: () => ({}) },
  { operation: 'paymentDetails', allowed: [FINANCE], query: `query($id: ID!) { paymentDetails(id: $id) { provider } }`, variables: () => ({ id: id() }) },
  { operation: 'reconcileRuns', allowed: [FINANCE], query: `{ reconcileRuns { id } }`, variables: () => ({}) },
  { operation: 'duesReport', allowed: [FINANCE], query: `query($from: DateTime!, $to: DateTime!) { duesReport(from: $from, to: $to) { payments } }`, variables: range },
  // events
  { operation: 'createEvent', allowed: [EVENT_MANAGER], query: `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, variables: () => ({ input: eventInput() }) },
  { operation: 'updateEvent', allowed: [EVENT_MANAGER], query: `mutation($id: ID!) { updateEvent(id: $id, input: { title: "x" }) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'publishEvent', allowed: [EVENT_MANAGER], query: `mutation($id: ID!) { publishEvent(id: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'cancelEvent', allowed: [EVENT_MANAGER], query: `mutation($id: ID!) { cancelEvent(id: $id, reason: "rain") { id } }`, variables: () => ({ id: id() }) },
  { operation: 'eventRegistrations', allowed: [EVENT_MANAGER, CHECK_IN], query: `query($id: ID!) { eventRegistrations(eventId: $id) { totalCount } }`, variables: () => ({ id: id() }) },
  // check-in
  { operation: 'checkIn', allowed: [CHECK_IN, EVENT_MANAGER], query: `mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'checkInByCode', allowed: [CHECK_IN, EVENT_MANAGER], query: `mutation { checkInByCode(code: "ZZZZZZZZZZ") { id } }`, variables: () => ({}) },
  { operation: 'checkInTicket', allowed: [CHECK_IN, EVENT_MANAGER], query: `mutation($e: ID!) { checkInTicket(eventId: $e, code: "ZZZZZZZZZZ") { outcome } }`, variables: () => ({ e: id() }) },
  { operation: 'eventCheckInCounts', allowed: [CHECK_IN, EVENT_MANAGER], query: `query($e: ID!) { eventCheckInCounts(eventId: $e) { confirmed } }`, variables: () => ({ e: id() }) },
  { operation: 'eventRegistrationsByName', allowed: [EVENT_MANAGER, CHECK_IN], query: `query($id: ID!) { eventRegistrationsByName(eventId: $id, name: "ada") { totalCount } }`, variables: () => ({ id: id() }) },
  { operation: 'eventCancellationPreview', allowed: [EVENT_MANAGER], query: `query($id: ID!) { eventCancellationPreview(id: $id) { refunds } }`, variables: () => ({ id: id() }) },
  { operation: 'offerWaitlistSeat', allowed: [EVENT_MANAGER], query: `mutation($id: ID!) { offerWaitlistSeat(registrationId: $id) { id } }`, variables: () => ({ id: id() }) },
  // mentoring
  { operation: 'createMentoringProgram', allowed: [MENTORING_COORDINATOR], query: `mutation { createMentoringProgram(input: { name: "P", ceCreditsPerHour: 1 }) { id } }`, variables: () => ({}) },
  { operation: 'openCohortApplications', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { openCohortApplications(cohortId: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'closeCohortApplications', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { closeCohortApplications(cohortId: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'proposeMatches', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { proposeMatches(cohortId: $id) { __typename } }`, variables: () => ({ id: id() }) },
  { operation: 'lockPair', allowed: [MENTORING_COORDINATOR], query: `mutation($c: ID!, $a: ID!, $b: ID!) { lockPair(cohortId: $c, mentorApplicationId: $a, menteeApplicationId: $b) { __typename } }`, variables: () => ({ c: id(), a: id(), b: id() }) },
  { operation: 'excludePair', allowed: [MENTORING_COORDINATOR], query: `mutation($c: ID!, $a: ID!, $b: ID!) { excludePair(cohortId: $c, mentorApplicationId: $a, menteeApplicationId: $b) { __typename } }`, variables: () => ({ c: id(), a: id(), b: id() }) },
  { operation: 'unlockPair', allowed: [MENTORING_COORDINATOR], query: `mutation($c: ID!, $a: ID!, $b: ID!) { unlockPair(cohortId: $c, mentorApplicationId: $a, menteeApplicationId: $b) { __typename } }`, variables: () => ({ c: id(), a: id(), b: id() }) },
  { operation: 'publishMatches', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { publishMatches(cohortId: $id) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'reviewApplication', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { reviewApplication(applicationId: $id, approve: true) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'createCohort', allowed: [MENTORING_COORDINATOR], query: `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, variables: () => ({ input: cohortInput(id()) }) },
  { operation: 'updateCohortMatching', allowed: [MENTORING_COORDINATOR], query: `mutation($id: ID!) { updateCohortMatching(cohortId: $id, input: { matchingSettings: { allowRepeatPairs: true } }) { id } }`, variables: () => ({ id: id() }) },
  // communities
  { operation: 'communityReport', allowed: [COMMUNITY_MANAGER], query: `{ communityReport { __typename } }`, variables: () => ({}) },
  // the members console (member page, invitations)
  { operation: 'memberRegistrations', allowed: [MEMBERSHIP_MANAGER, EVENT_MANAGER], query: `query($u: ID!) { memberRegistrations(userId: $u, first: 1) { totalCount } }`, variables: () => ({ u: id() }) },
  { operation: 'memberTranscript', allowed: [MEMBERSHIP_MANAGER, EVENT_MANAGER], query: `query($u: ID!) { memberTranscript(userId: $u) { totalCredits } }`, variables: () => ({ u: id() }) },
  { operation: 'memberPayments', allowed: [MEMBERSHIP_MANAGER, FINANCE], query: `query($u: ID!) { memberPayments(userId: $u, first: 1) { totalCount } }`, variables: () => ({ u: id() }) },
  { operation: 'membershipStatusHistory', allowed: [MEMBERSHIP_MANAGER], query: `query($u: ID!) { membershipStatusHistory(userId: $u) { id } }`, variables: () => ({ u: id() }) },
  { operation: 'memberAuditTrail', allowed: [MEMBERSHIP_MANAGER], query: `query($u: ID!) { memberAuditTrail(userId: $u, first: 1) { totalCount } }`, variables: () => ({ u: id() }) },
  { operation: 'unclaimedAccounts', allowed: [MEMBERSHIP_MANAGER], query: `{ unclaimedAccounts(first: 1) { totalCount } }`, variables: () => ({}) },
  // ADMIN only
  { operation: 'setUserRole', allowed: [], query: `mutation($id: ID!) { setUserRole(userId: $id, role: USER) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'setStaffPermissions', allowed: [], query: `mutation($id: ID!) { setStaffPermissions(userId: $id, permissions: [CHECK_IN]) { id } }`, variables: () => ({ id: id() }) },
  { operation: 'staffAccounts', allowed: [], query: `{ staffAccounts(first: 5) { totalCount } }`, variables: () => ({}) },
  { operation: 'auditLog', allowed: [], query: `{ auditLog(first: 1) { totalCount } }`, variables: () => ({}) },
  { operation: 'outboxMessages', allowed: [], query: `{ outboxMessages(first: 1) { totalCount } }`, variables: () => ({}) },
];

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id staffPermissions isStaff } }`;

async function staffUser(t: TestApp, admin: TestUser, permissions: StaffPermission[], fullName = 'Staff Person'): Promise<TestUser> {
  const user = await signUpUser(t, { fullName });
  const granted = await t.gql(GRANT, { id: user.id, p: permissions }, admin.accessToken);
  if (!granted.data?.setStaffPermissions) throw new Error(`setStaffPermissions failed: ${JSON.stringify(granted.errors)}`);
  return user;
}

describe('staff permissions: the authorization matrix', () => {
  let t: TestApp;
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdminUser(t);
    tokens.set('anonymous', undefined);
    tokens.set('member', (await signUpUser(t)).accessToken);
    tokens.set('admin', admin.accessToken);
    for (const permission of PERMISSIONS) tokens.set(permission, (await staffUser(t, admin, [permission])).accessToken);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(ROWS.map((row) => [row.operation, row] as const))('%s', async (_name, row) => {
    const outcomes: Array<[Caller, string]> = [];
    for (const caller of CALLERS) {
      const result = await t.gql(row.query, row.variables(), tokens.get(caller));
      const code = errorCode(result);
      const passes = caller === 'admin' || (PERMISSIONS as string[]).includes(caller) && row.allowed.includes(caller as StaffPermission);
      if (caller === 'anonymous') outcomes.push([caller, code === 'UNAUTHENTICATED' ? 'refused' : `unexpected ${code}`]);
      else if (passes) outcomes.push([caller, code && REFUSED.includes(code) ? `refused: ${code}` : 'passed']);
      else outcomes.push([caller, code === 'FORBIDDEN' ? 'refused' : `unexpected ${code ?? 'success'}`]);
    }
    const expected = CALLERS.map((caller): [Caller, string] => [
      caller,
      caller === 'admin' || row.allowed.includes(caller as StaffPermission) ? 'passed' : 'refused',
    ]);
    expect(outcomes).toEqual(expected);
  });

  it('CHECK_IN holds no other permission: every row but check-in, its counts and the registrations list refuses it', () => {
    const open = ROWS.filter((row) => row.allowed.includes(CHECK_IN)).map((row) => row.operation);
    expect(open.sort()).toEqual(['checkIn', 'checkInByCode', 'checkInTicket', 'eventCheckInCounts', 'eventRegistrations', 'eventRegistrationsByName']);
  });
});

describe('staff permissions: each does its own work', () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: Record<StaffPermission, TestUser>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    staff = {} as Record<StaffPermission, TestUser>;
    for (const permission of PERMISSIONS) staff[permission] = await staffUser(t, admin, [permission], `Staff ${permission}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('granting is ADMIN-only, audited before and after, and a revocation works on the next request', async () => {
    const person = await signUpUser(t, { fullName: 'Door Volunteer' });
    const me = `{ me { staffPermissions isStaff } }`;
    expect((await t.gql(me, {}, person.accessToken)).data!.me).toEqual({ staffPermissions: [], isStaff: false });

    expect(errorCode(await t.gql(GRANT, { id: person.id, p: [CHECK_IN] }, staff[MEMBERSHIP_MANAGER].accessToken))).toBe('FORBIDDEN');
    const granted = await t.gql(GRANT, { id: person.id, p: [CHECK_IN, EVENT_MANAGER, CHECK_IN] }, admin.accessToken);
    expect(granted.data!.setStaffPermissions).toEqual({ id: person.id, staffPermissions: [EVENT_MANAGER, CHECK_IN], isStaff: true });
    expect((await t.gql(me, {}, person.accessToken)).data!.me).toEqual({ staffPermissions: [EVENT_MANAGER, CHECK_IN], isStaff: true });
    expect((await t.gql(me, {}, admin.accessToken)).data!.me).toEqual({ staffPermissions: PERMISSIONS, isStaff: true });

    const draft = await t.gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id status } }`, { input: eventInput() }, person.accessToken);
    expect(draft.data!.createEvent.status).toBe('DRAFT');

    await t.gql(GRANT, { id: person.id, p: [CHECK_IN] }, admin.accessToken);
    await t.gql(GRANT, { id: person.id, p: [CHECK_IN] }, admin.accessToken); // the same set again writes nothing
    expect(errorCode(await t.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: draft.data!.createEvent.id }, person.accessToken))).toBe('FORBIDDEN');

    const audit = await t.gql(
      `query($actor: ID!) { auditLog(first: 10, actorId: $actor, action: "user.setStaffPermissions") { edges { node { targetId before after } } } }`,
      { actor: admin.id },
      admin.accessToken,
    );
    const entries = audit.data!.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.targetId === person.id);
    expect(entries).toEqual([
      { targetId: person.id, before: { staffPermissions: [EVENT_MANAGER, CHECK_IN] }, after: { staffPermissions: [CHECK_IN] } },
      { targetId: person.id, before: { staffPermissions: [] }, after: { staffPermissions: [EVENT_MANAGER, CHECK_IN] } },
    ]);
  });

  it('refuses unknown permissions and accounts, naming the argument', async () => {
    const bad = await t.gql(GRANT, { id: admin.id, p: ['ROOT'] }, admin.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const badId = await t.gql(GRANT, { id: 'nope', p: [] }, admin.accessToken);
    expect(errorCode(badId)).toBe('BAD_USER_INPUT');
    expect(badId.errors![0].extensions.fields![0].path).toBe('userId');
    expect(errorCode(await t.gql(GRANT, { id: randomUUID(), p: [] }, admin.accessToken))).toBe('NOT_FOUND');
  });

  it('staffAccounts lists admins and permission holders by name, not plain members; the last admin still cannot be demoted', async () => {
    const plain = await signUpUser(t, { fullName: 'Aaron Plain' });
    const list = await t.gql(`{ staffAccounts(first: 100) { totalCount edges { node { id fullName role staffPermissions } } } }`, {}, admin.accessToken);
    const nodes = list.data!.staffAccounts.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).not.toContain(plain.id);
    expect(nodes.find((n: any) => n.id === admin.id)).toMatchObject({ role: 'ADMIN', staffPermissions: PERMISSIONS });
    expect(nodes.find((n: any) => n.id === staff[FINANCE].id)).toMatchObject({ role: 'USER', staffPermissions: [FINANCE] });
    expect(list.data!.staffAccounts.totalCount).toBe(nodes.length);
    const names = nodes.map((n: any) => n.fullName);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    const demote = await t.gql(`mutation($id: ID!) { setUserRole(userId: $id, role: USER) { id } }`, { id: admin.id }, admin.accessToken);
    expect(errorCode(demote)).toBe('CONFLICT');
  });

  it('staffAccounts pages with a keyset cursor', async () => {
    const first = await t.gql(`{ staffAccounts(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, {}, admin.accessToken);
    const page = first.data!.staffAccounts;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(`query($after: String) { staffAccounts(first: 2, after: $after) { edges { node { id } } } }`, { after: page.pageInfo.endCursor }, admin.accessToken);
    const seen = [...page.edges, ...second.data!.staffAccounts.edges].map((e: any) => e.node.id);
    expect(new Set(seen).size).toBe(4);
    expect(errorCode(await t.gql(`{ staffAccounts(after: "garbage") { totalCount } }`, {}, admin.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('MEMBERSHIP_MANAGER: tiers, approvals, members with their email and periods, the CSV export; FINANCE is refused the export', async () => {
    const manager = staff[MEMBERSHIP_MANAGER];
    const tierId = await createTier(t, manager, { requiresApproval: true });
    const applicant = await signUpUser(t, { fullName: 'Grace Applicant' });
    const applied = await t.gql(`mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id status } }`, { tierId }, applicant.accessToken);
    expect(applied.data!.applyForMembership.status).toBe('PENDING_APPROVAL');
    const approved = await t.gql(`mutation($id: ID!) { approveMembership(membershipId: $id) { id status user { email } periods { source } } }`, { id: applied.data!.applyForMembership.id }, manager.accessToken);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveMembership).toMatchObject({ status: 'ACTIVE', user: { email: applicant.email } });
    const people = await t.gql(`query($q: String) { users(first: 5, search: $q) { edges { node { email membership { status } } } } }`, { q: 'Grace Applicant' }, manager.accessToken);
    expect(people.data!.users.edges.map((e: any) => e.node)).toEqual([{ email: applicant.email, membership: { status: 'ACTIVE' } }]);

    const exportCsv = (token?: string) => fetch(`${t.url}/admin/members/export.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ok = await exportCsv(manager.accessToken);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(applicant.email);
    expect((await exportCsv(staff[FINANCE].accessToken)).status).toBe(403);
    expect((await exportCsv(staff[CHECK_IN].accessToken)).status).toBe(403);
    expect((await exportCsv()).status).toBe(401);
  });

  it('FINANCE: records an offline payment and reads the ledger with who paid; MEMBERSHIP_MANAGER cannot', async () => {
    const tierId = await createTier(t, admin, { price: { amount: 5_000, currency: 'USD' } });
    const payer = await signUpUser(t, { fullName: 'Paying Member' });
    const applied = await t.gql(`mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id status } }`, { tierId }, payer.accessToken);
    expect(applied.data!.applyForMembership.status).toBe('PENDING_PAYMENT');
    const input = { membershipId: applied.data!.applyForMembership.id, amount: { amount: 5_000, currency: 'USD' }, method: 'CHEQUE', reference: 'cheque-1' };
    const OFFLINE = `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id user { fullName } } }`;
    expect(errorCode(await t.gql(OFFLINE, { input }, staff[MEMBERSHIP_MANAGER].accessToken))).toBe('FORBIDDEN');
    const paid = await t.gql(OFFLINE, { input }, staff[FINANCE].accessToken);
    expect(paid.data!.recordOfflinePayment.user).toEqual({ fullName: 'Paying Member' });
    const ledger = await t.gql(`query($u: ID) { payments(first: 5, userId: $u) { edges { node { id user { fullName } } } } }`, { u: payer.id }, staff[FINANCE].accessToken);
    expect(ledger.data!.payments.edges.map((e: any) => e.node)).toEqual([{ id: paid.data!.recordOfflinePayment.id, user: { fullName: 'Paying Member' } }]);
  });

  it('EVENT_MANAGER and CHECK_IN: the manager publishes; the door volunteer lists registrants and checks one in by code, and sees no drafts', async () => {
    const eventId = await createEvent(t, staff[EVENT_MANAGER], { capacity: 10 });
    const draftId = await createEvent(t, staff[EVENT_MANAGER], { publish: false });
    const guest = await signUpUser(t, { fullName: 'Ada Guest' });
    const registered = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id status checkInCode } }`, { e: eventId }, guest.accessToken);
    expect(registered.data!.registerForEvent.status).toBe('CONFIRMED');

    const door = staff[CHECK_IN];
    const list = await t.gql(`query($e: ID!) { eventRegistrations(eventId: $e) { edges { node { id user { fullName } checkInCode } } } }`, { e: eventId }, door.accessToken);
    expect(list.data!.eventRegistrations.edges.map((e: any) => e.node)).toEqual([
      { id: registered.data!.registerForEvent.id, user: { fullName: 'Ada Guest' }, checkInCode: registered.data!.registerForEvent.checkInCode },
    ]);
    const emails = `query($e: ID!) { eventRegistrations(eventId: $e) { edges { node { user { email } } } } }`;
    expect(errorCode(await t.gql(emails, { e: eventId }, door.accessToken))).toBe('FORBIDDEN'); // door staff see names, not email addresses
    expect((await t.gql(emails, { e: eventId }, staff[EVENT_MANAGER].accessToken)).data!.eventRegistrations.edges[0].node.user.email).toBe(guest.email);
    const checked = await t.gql(`mutation($c: String!) { checkInByCode(code: $c) { id attendance { session { id } } } }`, { c: registered.data!.registerForEvent.checkInCode }, door.accessToken);
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.checkInByCode.attendance).toHaveLength(1);

    const draft = `query($id: ID!) { event(id: $id) { id status } }`;
    expect((await t.gql(draft, { id: draftId }, door.accessToken)).data!.event).toBeNull();
    expect((await t.gql(draft, { id: draftId }, staff[EVENT_MANAGER].accessToken)).data!.event).toEqual({ id: draftId, status: 'DRAFT' });
  });

  it('MENTORING_COORDINATOR: creates a program and a draft cohort it (and nobody else) can see', async () => {
    const coordinator = staff[MENTORING_COORDINATOR];
    const program = await t.gql(`mutation { createMentoringProgram(input: { name: "Mentors", ceCreditsPerHour: 1 }) { id } }`, {}, coordinator.accessToken);
    const programId = program.data!.createMentoringProgram.id;
    const cohort = await t.gql(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id status } }`, { input: cohortInput(programId) }, coordinator.accessToken);
    expect(cohort.data!.createCohort.status).toBe('DRAFT');
    const COHORTS = `{ mentoringPrograms { id cohorts { id } } }`;
    const cohortsSeenBy = async (who: TestUser) =>
      (await t.gql(COHORTS, {}, who.accessToken)).data!.mentoringPrograms.find((p: any) => p.id === programId).cohorts;
    expect(await cohortsSeenBy(coordinator)).toEqual([{ id: cohort.data!.createCohort.id }]);
    expect(await cohortsSeenBy(staff[COMMUNITY_MANAGER])).toEqual([]);
  });

  it('COMMUNITY_MANAGER: reads the community report', async () => {
    const report = await t.gql(`{ communityReport { __typename } }`, {}, staff[COMMUNITY_MANAGER].accessToken);
    expect(report.data!.communityReport).toEqual({ __typename: 'CommunityReport' });
  });
});
