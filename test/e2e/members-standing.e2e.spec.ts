import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MembershipStandingPort } from '../../libs/members/src/index.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/** The members feature's one answer to "in good standing", as events, mentoring and communities ask it. */
describe('MembershipStandingPort', () => {
  let t: TestApp;
  let port: MembershipStandingPort;
  let active: TestUser;
  let grace: TestUser;
  let graceOver: TestUser;
  let lapsed: TestUser;
  let outsider: TestUser;
  let discounted: string;
  let plain: string;
  beforeAll(async () => {
    t = await startTestApp();
    port = t.app.get(MembershipStandingPort);
    const admin = await createAdminUser(t);
    discounted = await createTier(t, admin, { name: 'Discounted', eventDiscountPercent: 20 });
    plain = await createTier(t, admin, { name: 'Plain' });
    [active, grace, graceOver, lapsed, outsider] = await Promise.all([0, 1, 2, 3, 4].map(() => signUpUser(t)));
    await applyFor(t, active, discounted);
    for (const who of [grace, graceOver, lapsed]) await applyFor(t, who, plain);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() + interval '3 days' WHERE user_id = $1`, [grace.id]);
    // Grace ran out a minute ago; the lapse job (every 15 minutes) has not run yet.
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() - interval '1 minute' WHERE user_id = $1`, [graceOver.id]);
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [lapsed.id]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers for a set of people in one statement, in the order asked, with tier and discount', async () => {
    const ids = [active.id, grace.id, graceOver.id, lapsed.id, outsider.id, active.id];
    const { result, count } = await countQueries(() => port.of(ids), dataStatements);
    expect(count).toBe(1);
    expect(result).toEqual([
      { userId: active.id, inGoodStanding: true, tierId: discounted, tierName: 'Discounted', memberDiscountPercent: 20 },
      { userId: grace.id, inGoodStanding: true, tierId: plain, tierName: 'Plain', memberDiscountPercent: null },
      { userId: graceOver.id, inGoodStanding: false, tierId: plain, tierName: 'Plain', memberDiscountPercent: null },
      { userId: lapsed.id, inGoodStanding: false, tierId: null, tierName: null, memberDiscountPercent: null },
      { userId: outsider.id, inGoodStanding: false, tierId: null, tierName: null, memberDiscountPercent: null },
      { userId: active.id, inGoodStanding: true, tierId: discounted, tierName: 'Discounted', memberDiscountPercent: 20 },
    ]);
  });

  it('reads inside the caller\'s transaction (sees its uncommitted change)', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    await dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1 AND status = 'ACTIVE'`, [active.id]);
        const [standing] = await port.of([active.id], manager);
        expect(standing.inGoodStanding).toBe(false);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect((await port.of([active.id]))[0].inGoodStanding).toBe(true);
  });

  it('answers an empty set without a query', async () => {
    const { result, count } = await countQueries(() => port.of([]), dataStatements);
    expect(result).toEqual([]);
    expect(count).toBe(0);
  });
});
