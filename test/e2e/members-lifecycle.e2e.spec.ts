import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipLifecycleService } from '../../libs/members/src/index.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const DAY = 86_400_000;

describe('membership lifecycle job', () => {
  let t: TestApp;
  let admin: TestUser;
  let lifecycle: MembershipLifecycleService;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    lifecycle = t.app.get(MembershipLifecycleService);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function activeMember(graceDays: number): Promise<{ member: TestUser; membershipId: string; periodEnd: Date }> {
    const tierId = await createTier(t, admin, { gracePeriodDays: graceDays });
    const member = await signUpUser(t);
    const applied = await applyFor(t, member, tierId);
    return { member, membershipId: applied.data!.applyForMembership.id, periodEnd: new Date(applied.data!.applyForMembership.currentPeriodEnd) };
  }

  const statusOf = async (id: string) => (await t.sql(`SELECT status FROM memberships WHERE id = $1`, [id]))[0].status;
  const mailFor = async (userId: string) =>
    (await t.sql(`SELECT template FROM outbox_messages WHERE recipient_user_id = $1 ORDER BY created_at, template`, [userId])).map((r) => r.template);

  it('ACTIVE → GRACE at the period end → LAPSED when grace ends, with a notice each time, once', async () => {
    const { member, membershipId, periodEnd } = await activeMember(10);
    await lifecycle.run(new Date(periodEnd.getTime() - DAY));
    expect(await statusOf(membershipId)).toBe('ACTIVE');
    await lifecycle.run(new Date(periodEnd.getTime() + DAY));
    expect(await statusOf(membershipId)).toBe('GRACE');
    const [row] = await t.sql(`SELECT grace_ends_at FROM memberships WHERE id = $1`, [membershipId]);
    expect(new Date(row.grace_ends_at).getTime()).toBe(periodEnd.getTime() + 10 * DAY);
    await lifecycle.run(new Date(periodEnd.getTime() + 11 * DAY));
    await lifecycle.run(new Date(periodEnd.getTime() + 12 * DAY));
    expect(await statusOf(membershipId)).toBe('LAPSED');
    const history = await t.sql(`SELECT from_status, to_status FROM membership_status_changes WHERE membership_id = $1 ORDER BY created_at`, [membershipId]);
    expect(history.slice(1)).toEqual([
      { from_status: 'ACTIVE', to_status: 'GRACE' },
      { from_status: 'GRACE', to_status: 'LAPSED' },
    ]);
    const mail = await mailFor(member.id);
    expect(mail.filter((m) => m === 'membership-lapsed')).toHaveLength(1);
    expect(mail.filter((m) => m === 'membership-grace')).toHaveLength(1);
  });

  it('a tier without grace lapses straight away', async () => {
    const { membershipId, periodEnd } = await activeMember(0);
    await lifecycle.run(new Date(periodEnd.getTime() + 1000));
    expect(await statusOf(membershipId)).toBe('LAPSED');
  });

  it('a cancelled membership ends as CANCELLED at its period end, not LAPSED', async () => {
    const { member, membershipId, periodEnd } = await activeMember(10);
    await t.gql(`mutation($id: ID!) { cancelMembership(membershipId: $id) { id } }`, { id: membershipId }, member.accessToken);
    await lifecycle.run(new Date(periodEnd.getTime() + DAY));
    expect(await statusOf(membershipId)).toBe('CANCELLED');
  });

  it('sends the 30- and 7-day renewal reminders once each, however often it runs', async () => {
    const { member, periodEnd } = await activeMember(10);
    for (const daysBefore of [40, 29, 29, 20, 6, 6, 5]) await lifecycle.run(new Date(periodEnd.getTime() - daysBefore * DAY));
    const mail = await mailFor(member.id);
    expect(mail.filter((m) => m === 'membership-renewal-reminder-30')).toHaveLength(1);
    expect(mail.filter((m) => m === 'membership-renewal-reminder-7')).toHaveLength(1);
  });

  it('two workers at the same moment: every transition once, no double email, none lost', async () => {
    const cohort = await Promise.all(Array.from({ length: 12 }, () => activeMember(5)));
    const latestEnd = Math.max(...cohort.map((c) => c.periodEnd.getTime()));
    const reports = await Promise.all([lifecycle.run(new Date(latestEnd + DAY)), lifecycle.run(new Date(latestEnd + DAY))]);
    const ids = cohort.map((c) => c.membershipId);
    const rows = await t.sql(`SELECT status FROM memberships WHERE id = ANY($1)`, [ids]);
    expect(rows.every((r) => r.status === 'GRACE')).toBe(true);
    const moves = await t.sql(`SELECT count(*)::int AS n FROM membership_status_changes WHERE membership_id = ANY($1) AND to_status = 'GRACE'`, [ids]);
    expect(moves).toEqual([{ n: 12 }]);
    expect(reports[0].toGrace + reports[1].toGrace).toBeGreaterThanOrEqual(12);
    const notices = await t.sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'membership-grace' AND recipient_user_id = ANY($1)`, [cohort.map((c) => c.member.id)]);
    expect(notices).toEqual([{ n: 12 }]);
  });

  it('runs as a job on the job runner', async () => {
    const { membershipId, periodEnd } = await activeMember(0);
    await t.sql(`UPDATE memberships SET current_period_end = now() - interval '1 day' WHERE id = $1`, [membershipId]);
    await t.sql(`SELECT graphile_worker.add_job('membership-lifecycle', '{}'::json)`);
    await t.runJobs();
    expect(await statusOf(membershipId)).toBe('LAPSED');
    void periodEnd;
  });
});
