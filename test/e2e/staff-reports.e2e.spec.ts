import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffPermission } from '../../libs/core/src/index.js';
import { createEvent, register } from '../factories/events.js';
import { createGroup, goodStandingTier, joinGroup, memberInGoodStanding, UPCOMING, backdateMeeting } from '../factories/communities.js';
import { publishedCohort } from '../factories/mentoring.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';

/** The staff charts over seeded data with known answers (fixed 2025 dates, UTC months). */
const { MEMBERSHIP_MANAGER, FINANCE, EVENT_MANAGER, MENTORING_COORDINATOR, COMMUNITY_MANAGER } = StaffPermission;
const REPORT = (field: string) => `query($from: DateTime!, $to: DateTime!) { ${field}(from: $from, to: $to) { name title unit points { period series value } } }`;
const Q1_2025 = { from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' };

type Point = { period: string; series: string; value: number };
const table = (points: Point[]) => Object.fromEntries(points.map((p) => [`${p.period} ${p.series}`, p.value]));

describe('staff reports', () => {
  let t: TestApp;
  let admin: TestUser;
  const staff = {} as Record<StaffPermission, TestUser>;

  const run = async (field: string, range: { from: string; to: string }, who: TestUser = admin) => {
    const result = await t.gql(REPORT(field), range, who.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data[field] as { name: string; title: string; unit: string; points: Point[] };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    for (const permission of Object.values(StaffPermission)) {
      staff[permission] = await signUpUser(t, { fullName: `Staff ${permission}` });
      await t.gql(`mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`, { id: staff[permission].id, p: [permission] }, admin.accessToken);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('members', () => {
    beforeAll(async () => {
      const tierId = await createTier(t, admin);
      const users = await t.sql<{ id: string }>(
        `INSERT INTO users (email, password_hash, full_name) SELECT 'report.' || g || '@example.org', '!', 'Report ' || g FROM generate_series(1, 3) g RETURNING id`,
      );
      const memberships = await t.sql<{ id: string }>(
        `INSERT INTO memberships (user_id, tier_id, status, started_at) SELECT id, $2, s, at FROM unnest($1::uuid[], $3::text[], $4::timestamptz[]) AS x(id, s, at) RETURNING id`,
        [users.map((u) => u.id), tierId, ['LAPSED', 'ACTIVE', 'LAPSED'], ['2025-01-15T12:00:00Z', '2025-02-01T00:00:00Z', '2024-12-20T12:00:00Z']],
      );
      const [m1, m2, m3] = memberships.map((m) => m.id);
      const changes: Array<[string, string | null, string, string]> = [
        [m1, null, 'PENDING_PAYMENT', '2025-01-10T12:00:00Z'],
        [m1, 'PENDING_PAYMENT', 'ACTIVE', '2025-01-15T12:00:00Z'],
        [m1, 'ACTIVE', 'GRACE', '2025-03-05T12:00:00Z'],
        [m1, 'GRACE', 'LAPSED', '2025-03-20T12:00:00Z'],
        [m2, null, 'ACTIVE', '2025-02-01T00:00:00Z'],
        [m3, null, 'ACTIVE', '2024-12-20T12:00:00Z'],
        [m3, 'ACTIVE', 'LAPSED', '2025-02-10T12:00:00Z'],
      ];
      for (const [membership, from, to, at] of changes) {
        await t.sql(`INSERT INTO membership_status_changes (membership_id, from_status, to_status, created_at) VALUES ($1, $2, $3, $4)`, [membership, from, to, at]);
      }
    });

    it('members by status: each month-end count, every status a series', async () => {
      const report = await run('membersByStatusReport', Q1_2025, staff[MEMBERSHIP_MANAGER]);
      expect(report).toMatchObject({ name: 'members-by-status', unit: 'memberships' });
      expect(report.points).toHaveLength(3 * 7);
      const values = table(report.points);
      expect([values['2025-01 ACTIVE'], values['2025-01 PENDING_PAYMENT'], values['2025-01 LAPSED']]).toEqual([2, 0, 0]);
      expect([values['2025-02 ACTIVE'], values['2025-02 LAPSED']]).toEqual([2, 1]);
      expect([values['2025-03 ACTIVE'], values['2025-03 GRACE'], values['2025-03 LAPSED']]).toEqual([1, 0, 2]);
      expect(report.points.slice(0, 7).map((p) => p.series)).toEqual(['PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE', 'LAPSED', 'CANCELLED', 'DECLINED']);
    });

    it('a range ending mid-month counts up to its end', async () => {
      const values = table((await run('membersByStatusReport', { from: '2025-03-01T00:00:00Z', to: '2025-03-10T00:00:00Z' })).points);
      expect([values['2025-03 ACTIVE'], values['2025-03 GRACE']]).toEqual([1, 1]);
    });

    it('joins (by the membership\'s start) and lapses per month', async () => {
      const report = await run('joinsAndLapsesReport', Q1_2025, staff[MEMBERSHIP_MANAGER]);
      expect(report.points).toEqual([
        { period: '2025-01', series: 'joins', value: 1 },
        { period: '2025-01', series: 'lapses', value: 0 },
        { period: '2025-02', series: 'joins', value: 1 },
        { period: '2025-02', series: 'lapses', value: 1 },
        { period: '2025-03', series: 'joins', value: 0 },
        { period: '2025-03', series: 'lapses', value: 1 },
      ]);
    });
  });

  describe('events and credits', () => {
    beforeAll(async () => {
      const moveTo = async (eventId: string, at: string) => {
        await t.sql(`UPDATE events SET starts_at = $2, ends_at = $2::timestamptz + interval '3 hours' WHERE id = $1`, [eventId, at]);
        await t.sql(`UPDATE event_sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '3 hours' WHERE event_id = $1`, [eventId, at]);
      };
      const checkIn = (registrationId: string) => t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registrationId }, staff[StaffPermission.CHECK_IN].accessToken);

      const february = await createEvent(t, admin, { capacity: 10, ceCredits: 2, ceCategory: 'Ethics' });
      const registrations: string[] = [];
      for (let i = 0; i < 3; i++) registrations.push((await register(t, await signUpUser(t), february)).data!.registerForEvent.id);
      await checkIn(registrations[0]);
      await checkIn(registrations[1]);
      await moveTo(february, '2025-02-14T17:00:00Z');

      const march = await createEvent(t, admin, { capacity: 10, ceCredits: 1.5 });
      await checkIn((await register(t, await signUpUser(t), march)).data!.registerForEvent.id);
      await moveTo(march, '2025-03-03T09:00:00Z');

      const cancelled = await createEvent(t, admin, { capacity: 10, ceCredits: 5, ceCategory: 'Ethics' });
      await register(t, await signUpUser(t), cancelled);
      await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "Storm") { id } }`, { id: cancelled }, admin.accessToken);
      await moveTo(cancelled, '2025-02-20T09:00:00Z');
    });

    it('attendance and the no-show rate per month of the event', async () => {
      const report = await run('eventAttendanceReport', Q1_2025, staff[EVENT_MANAGER]);
      expect(report.points).toEqual([
        { period: '2025-01', series: 'confirmed', value: 0 },
        { period: '2025-01', series: 'attended', value: 0 },
        { period: '2025-01', series: 'noShowRate', value: 0 },
        { period: '2025-02', series: 'confirmed', value: 3 },
        { period: '2025-02', series: 'attended', value: 2 },
        { period: '2025-02', series: 'noShowRate', value: 0.3333 },
        { period: '2025-03', series: 'confirmed', value: 1 },
        { period: '2025-03', series: 'attended', value: 1 },
        { period: '2025-03', series: 'noShowRate', value: 0 },
      ]);
    });

    it('CE credits issued per month and category (cancelled events earn none)', async () => {
      const report = await run('creditsIssuedReport', Q1_2025, staff[EVENT_MANAGER]);
      expect(report.points).toEqual([
        { period: '2025-02', series: 'Ethics', value: 4 },
        { period: '2025-03', series: 'Uncategorised', value: 1.5 },
      ]);
    });
  });

  it('dues collected per month by tier, as FINANCE', async () => {
    const tierId = await createTier(t, admin, { name: 'Gold', price: { amount: 5_000, currency: 'USD' } });
    const payer = await signUpUser(t);
    const applied = await t.gql(`mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id } }`, { tierId }, payer.accessToken);
    const paid = await t.gql(
      `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`,
      { input: { membershipId: applied.data!.applyForMembership.id, amount: { amount: 5_000, currency: 'USD' }, method: 'CHEQUE', reference: 'gold-1' } },
      staff[FINANCE].accessToken,
    );
    expect(paid.errors).toBeUndefined();
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const range = { from: new Date(now.getTime() - 40 * 86_400_000).toISOString(), to: new Date(now.getTime() + 86_400_000).toISOString() };
    const report = await run('duesCollectedReport', range, staff[FINANCE]);
    expect(report.points).toEqual([{ period: month, series: 'Gold (USD)', value: 5_000 }]);
  });

  it('mentoring health by cohort, as MENTORING_COORDINATOR', async () => {
    const people = await Promise.all([1, 2, 3, 4].map((i) => signUpUser(t, { fullName: `Mentoring ${i}` })));
    const { cohortId, pairs } = await publishedCohort(t, admin, { mentors: [{ user: people[0] }, { user: people[1] }], mentees: [people[2], people[3]] });
    expect(pairs).toHaveLength(2);
    await t.sql(`UPDATE mentoring_pairs SET status = 'ENDED_EARLY', ended_at = now() WHERE id = $1`, [pairs[1].id]);
    const checkIn = (pair: { id: string; mentor: { id: string }; mentee: { id: string } }, hoursAgo: number, confirmed: boolean) =>
      t.sql(
        `INSERT INTO mentoring_check_ins (pair_id, logged_by_id, happened_at, duration_minutes, confirmed_at, confirmed_by_id, credits)
         VALUES ($1, $2, now() - make_interval(hours => $4), 60, CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN $3::uuid END, CASE WHEN $5 THEN 1 END)`,
        [pair.id, pair.mentor.id, pair.mentee.id, hoursAgo, confirmed],
      );
    await checkIn(pairs[0], 1, true);
    await checkIn(pairs[0], 2, true);
    await checkIn(pairs[0], 3, false);
    await checkIn(pairs[1], 4, true);
    await t.sql(`INSERT INTO mentoring_pair_feedback (pair_id, author_id, rating, good_fit) VALUES ($1, $2, 5, true), ($1, $3, 4, true), ($4, $5, 2, false)`, [
      pairs[0].id, pairs[0].mentor.id, pairs[0].mentee.id, pairs[1].id, pairs[1].mentee.id,
    ]);
    const [cohort] = await t.sql(`SELECT name, to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM mentoring_cohorts WHERE id = $1`, [cohortId]);
    const now = Date.now();
    const report = await run('mentoringHealthReport', { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() }, staff[MENTORING_COORDINATOR]);
    const label = `${cohort.name} (${cohort.month})`;
    expect(report.points).toEqual([
      { period: label, series: 'ACTIVE', value: 1 },
      { period: label, series: 'COMPLETED', value: 0 },
      { period: label, series: 'ENDED_EARLY', value: 1 },
      { period: label, series: 'checkInsPerPair', value: 1.5 },
      { period: label, series: 'averageRating', value: 3.67 },
    ]);
  });

  it('study-group attendance per month, as COMMUNITY_MANAGER', async () => {
    const tierId = await goodStandingTier(t, admin);
    const organiser = await memberInGoodStanding(t, tierId, 'Organiser');
    const groupId = await createGroup(t, organiser);
    const members = [organiser];
    for (let i = 0; i < 3; i++) {
      const member = await memberInGoodStanding(t, tierId, `Studier ${i}`);
      await joinGroup(t, member, groupId);
      members.push(member);
    }
    const meetings = (await t.gql(UPCOMING, { id: groupId, count: 2 }, organiser.accessToken)).data!.studyGroup.upcomingMeetings;
    await backdateMeeting(t, meetings[0].id, 60);
    await t.sql(
      `INSERT INTO meeting_attendance (meeting_id, user_id, present) SELECT $1, u, p FROM unnest($2::uuid[], $3::boolean[]) AS x(u, p)`,
      [meetings[0].id, members.map((m) => m.id), [true, true, true, false]],
    );
    const startedAt = new Date(Date.now() - 60 * 60_000);
    const month = startedAt.toISOString().slice(0, 7);
    const range = { from: `${month}-01T00:00:00Z`, to: new Date(Date.UTC(startedAt.getUTCFullYear(), startedAt.getUTCMonth() + 1, 1)).toISOString() };
    const report = await run('studyGroupAttendanceReport', range, staff[COMMUNITY_MANAGER]);
    expect(report.points).toEqual([
      { period: month, series: 'meetings', value: 1 },
      { period: month, series: 'present', value: 3 },
      { period: month, series: 'attendanceRate', value: 0.75 },
    ]);
  });

  it('each report is for its permission only; ranges are checked and named', async () => {
    const reports: Array<[string, StaffPermission]> = [
      ['membersByStatusReport', MEMBERSHIP_MANAGER], ['joinsAndLapsesReport', MEMBERSHIP_MANAGER], ['duesCollectedReport', FINANCE],
      ['eventAttendanceReport', EVENT_MANAGER], ['creditsIssuedReport', EVENT_MANAGER], ['mentoringHealthReport', MENTORING_COORDINATOR],
      ['studyGroupAttendanceReport', COMMUNITY_MANAGER],
    ];
    for (const [field, permission] of reports) {
      const codes = await Promise.all(
        Object.values(StaffPermission).map(async (p) => [p, errorCode(await t.gql(REPORT(field), Q1_2025, staff[p].accessToken)) ?? 'ok'] as const),
      );
      expect([field, Object.fromEntries(codes)]).toEqual([field, Object.fromEntries(Object.values(StaffPermission).map((p) => [p, p === permission ? 'ok' : 'FORBIDDEN']))]);
      expect([field, errorCode(await t.gql(REPORT(field), Q1_2025))]).toEqual([field, 'UNAUTHENTICATED']);
    }
    const backwards = await t.gql(REPORT('joinsAndLapsesReport'), { from: Q1_2025.to, to: Q1_2025.from }, admin.accessToken);
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'to', message: 'must be after from' }] });
    const long = await t.gql(REPORT('joinsAndLapsesReport'), { from: '2015-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, admin.accessToken);
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
  });

  it('the CSV download gives the same numbers, for the same staff', async () => {
    const csv = (name: string, token?: string, query = `from=${Q1_2025.from}&to=${Q1_2025.to}`) =>
      fetch(`${t.url}/admin/reports/${name}.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ok = await csv('joins-and-lapses', staff[MEMBERSHIP_MANAGER].accessToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(ok.headers.get('content-disposition')).toContain('joins-and-lapses-2025-01-01-2025-04-01.csv');
    expect((await ok.text()).trim().split('\n')).toEqual([
      'period,series,value', '2025-01,joins,1', '2025-01,lapses,0', '2025-02,joins,1', '2025-02,lapses,1', '2025-03,joins,0', '2025-03,lapses,1',
    ]);
    expect((await csv('joins-and-lapses', staff[FINANCE].accessToken)).status).toBe(403);
    expect((await csv('joins-and-lapses')).status).toBe(401);
    expect((await csv('no-such-report', admin.accessToken)).status).toBe(404);
    const bad = await csv('joins-and-lapses', admin.accessToken, 'from=yesterday&to=2025-04-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: expect.stringContaining('from') });
    expect((await csv('joins-and-lapses', admin.accessToken, `from=${Q1_2025.to}&to=${Q1_2025.from}`)).status).toBe(400);
  });
});
