import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipLifecycleService } from '../../libs/members/src/index.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const STATS = `{ membershipStats { inGoodStanding byStatus { status count } byTier { tierName status count } byMonth { month joins lapses renewals } } }`;

describe('membershipStats', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    const free = await createTier(t, admin, { name: 'Free', gracePeriodDays: 0 });
    const monthly = await createTier(t, admin, { name: 'Monthly', billingInterval: 'MONTH', gracePeriodDays: 0 });
    const paid = await createTier(t, admin, { name: 'Paid', price: { amount: 9000, currency: 'EUR' } });
    const members = await Promise.all([0, 1, 2].map(() => signUpUser(t)));
    member = members[0];
    await applyFor(t, members[0], free);
    const lapsing = (await applyFor(t, members[1], monthly)).data!.applyForMembership;
    await applyFor(t, members[2], paid);
    // The monthly member's period ends (the yearly one's has not): with no grace days the job lapses it.
    await t.app.get(MembershipLifecycleService).run(new Date(new Date(lapsing.currentPeriodEnd).getTime() + 1000));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts by status and tier, and joins and lapses in the month they happened', async () => {
    const result = await t.gql(STATS, {}, admin.accessToken);
    expect(result.errors).toBeUndefined();
    const stats = result.data!.membershipStats;
    expect(stats.inGoodStanding).toBe(1);
    const byStatus = Object.fromEntries(stats.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]));
    expect(byStatus).toMatchObject({ ACTIVE: 1, LAPSED: 1, PENDING_PAYMENT: 1, GRACE: 0, CANCELLED: 0 });
    expect(stats.byTier).toEqual([
      { tierName: 'Free', status: 'ACTIVE', count: 1 },
      { tierName: 'Monthly', status: 'LAPSED', count: 1 },
      { tierName: 'Paid', status: 'PENDING_PAYMENT', count: 1 },
    ]);
    expect(stats.byMonth).toHaveLength(12);
    const thisMonth = stats.byMonth[stats.byMonth.length - 1];
    expect(thisMonth.month).toBe(new Date().toISOString().slice(0, 7));
    expect(thisMonth.joins).toBe(2);
    // The lapse is recorded when the job ran, which is now (it was told a later "now" for the period end).
    expect(stats.byMonth.reduce((sum: number, m: { lapses: number }) => sum + m.lapses, 0)).toBe(1);
  });

  it('counts in good standing by the members rule: GRACE only until its grace ends', async () => {
    const tier = await createTier(t, admin, { name: 'Graceful' });
    const [over, inGrace] = await Promise.all([signUpUser(t), signUpUser(t)]);
    await applyFor(t, over, tier);
    await applyFor(t, inGrace, tier);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() - interval '1 minute' WHERE user_id = $1`, [over.id]);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() + interval '1 day' WHERE user_id = $1`, [inGrace.id]);
    const stats = (await t.gql(STATS, {}, admin.accessToken)).data!.membershipStats;
    expect(stats.inGoodStanding).toBe(2);
    expect(stats.byStatus.find((s: { status: string }) => s.status === 'GRACE').count).toBe(2);
  });

  it('is for admins only', async () => {
    expect(errorCode(await t.gql(STATS))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(STATS, {}, member.accessToken))).toBe('FORBIDDEN');
  });
});
