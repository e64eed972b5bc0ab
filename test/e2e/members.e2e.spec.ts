import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const CREATE_TIER = `mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id name price { amount currency } active } }`;
const TIERS = `query($all: Boolean) { membershipTiers(includeInactive: $all) { id name active } }`;
const MEMBERSHIP_OF = `query($id: ID!) { user(id: $id) { id membership { id status startedAt currentPeriodEnd autoRenew complimentary periods { source endsAt } tier { name } } } }`;

describe('members: tiers, applying, approval, grants, cancellation', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('tiers', () => {
    it('admins create tiers; the public lists active ones', async () => {
      const input = { name: 'Student', price: { amount: 2500, currency: 'USD' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 30, eventDiscountPercent: 20 };
      const created = await t.gql(CREATE_TIER, { input }, admin.accessToken);
      expect(created.data!.createMembershipTier).toMatchObject({ name: 'Student', price: { amount: 2500, currency: 'USD' }, active: true });
      const id = created.data!.createMembershipTier.id;
      const listed = await t.gql(TIERS, {});
      expect(listed.data!.membershipTiers.map((x: { id: string }) => x.id)).toContain(id);
      await t.gql(`mutation($id: ID!) { updateMembershipTier(id: $id, input: { active: false }) { id } }`, { id }, admin.accessToken);
      const publicList = await t.gql(TIERS, { all: true });
      expect(publicList.data!.membershipTiers.map((x: { id: string }) => x.id)).not.toContain(id);
      const adminList = await t.gql(TIERS, { all: true }, admin.accessToken);
      expect(adminList.data!.membershipTiers.map((x: { id: string }) => x.id)).toContain(id);
    });

    it.each([
      ['a negative price', { price: { amount: -1, currency: 'USD' } }, 'input.price.amount'],
      ['a currency that is not ISO 4217', { price: { amount: 100, currency: 'XYZ' } }, 'input.price.currency'],
      ['a lower-case currency', { price: { amount: 100, currency: 'usd' } }, 'input.price.currency'],
      ['negative grace days', { gracePeriodDays: -1 }, 'input.gracePeriodDays'],
      ['a discount over 100%', { eventDiscountPercent: 101 }, 'input.eventDiscountPercent'],
    ])('refuses %s, naming the field, writing nothing', async (_label, patch, field) => {
      const before = await t.sql(`SELECT count(*)::int AS n FROM membership_tiers`);
      const input = { name: `Bad ${field}`, price: { amount: 100, currency: 'USD' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 0, eventDiscountPercent: 0, ...patch };
      const result = await t.gql(CREATE_TIER, { input }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(field);
      expect(await t.sql(`SELECT count(*)::int AS n FROM membership_tiers`)).toEqual(before);
    });

    it('refuses a duplicate tier name with CONFLICT', async () => {
      await createTier(t, admin, { name: 'Unique Name' });
      const again = await t.gql(CREATE_TIER, { input: { name: 'Unique Name', price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 0, eventDiscountPercent: 0 } }, admin.accessToken);
      expect(errorCode(again)).toBe('CONFLICT');
    });

    it('authorization: anonymous and members cannot create or update tiers', async () => {
      const member = await signUpUser(t);
      const input = { name: 'Nope', price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 0, eventDiscountPercent: 0 };
      expect(errorCode(await t.gql(CREATE_TIER, { input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(CREATE_TIER, { input }, member.accessToken))).toBe('FORBIDDEN');
    });
  });

  describe('applying', () => {
    it('a free tier without approval is ACTIVE at once with a period', async () => {
      const tierId = await createTier(t, admin, { price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR' });
      const member = await signUpUser(t);
      const applied = await applyFor(t, member, tierId);
      expect(applied.data!.applyForMembership.status).toBe('ACTIVE');
      const end = new Date(applied.data!.applyForMembership.currentPeriodEnd);
      expect(end.getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);
      const mine = await t.gql(MEMBERSHIP_OF, { id: member.id }, member.accessToken);
      expect(mine.data!.user.membership.periods).toEqual([{ source: 'FREE', endsAt: expect.any(String) }]);
    });

    it('a paid tier waits for payment; an approval tier waits for an admin', async () => {
      const paid = await createTier(t, admin, { price: { amount: 15000, currency: 'USD' } });
      const approval = await createTier(t, admin, { price: { amount: 15000, currency: 'USD' }, requiresApproval: true });
      const a = await signUpUser(t);
      const b = await signUpUser(t);
      expect((await applyFor(t, a, paid)).data!.applyForMembership.status).toBe('PENDING_PAYMENT');
      const pending = await applyFor(t, b, approval);
      expect(pending.data!.applyForMembership.status).toBe('PENDING_APPROVAL');
      const id = pending.data!.applyForMembership.id;
      const approved = await t.gql(`mutation($id: ID!) { approveMembership(membershipId: $id) { status } }`, { id }, admin.accessToken);
      expect(approved.data!.approveMembership.status).toBe('PENDING_PAYMENT');
      const history = await t.sql(`SELECT from_status, to_status, actor_id FROM membership_status_changes WHERE membership_id = $1 ORDER BY created_at`, [id]);
      expect(history).toEqual([
        { from_status: null, to_status: 'PENDING_APPROVAL', actor_id: b.id },
        { from_status: 'PENDING_APPROVAL', to_status: 'PENDING_PAYMENT', actor_id: admin.id },
      ]);
      const audit = await t.sql(`SELECT action FROM audit_log WHERE target_id = $1`, [id]);
      expect(audit).toEqual([{ action: 'membership.approve' }]);
    });

    it('the payment-due mail shows the dues in the currency\'s own units (JPY has no decimals, KWD three)', async () => {
      const amounts: Array<[{ amount: number; currency: string }, string]> = [
        [{ amount: 5000, currency: 'JPY' }, '¥5,000'],
        [{ amount: 12345, currency: 'KWD' }, 'KWD\u00a012.345'],
      ];
      for (const [price, shown] of amounts) {
        const tierId = await createTier(t, admin, { price, requiresApproval: true });
        const member = await signUpUser(t);
        const id = (await applyFor(t, member, tierId)).data!.applyForMembership.id;
        await t.gql(`mutation($id: ID!) { approveMembership(membershipId: $id) { status } }`, { id }, admin.accessToken);
        const [mail] = await t.sql(`SELECT body_text FROM outbox_messages WHERE recipient_user_id = $1 AND template = 'membership-payment-due'`, [member.id]);
        expect(mail.body_text).toContain(`pay the dues of ${shown} to activate it`);
      }
    });

    it('refuses a second current membership with CONFLICT', async () => {
      const tierId = await createTier(t, admin);
      const member = await signUpUser(t);
      await applyFor(t, member, tierId);
      expect(errorCode(await applyFor(t, member, tierId))).toBe('CONFLICT');
    });

    it('holds one current membership per person even when ten applications race', async () => {
      const tierId = await createTier(t, admin, { price: { amount: 1000, currency: 'USD' } });
      const member = await signUpUser(t);
      const results = await Promise.all(Array.from({ length: 10 }, () => applyFor(t, member, tierId)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
      expect(await t.sql(`SELECT count(*)::int AS n FROM memberships WHERE user_id = $1`, [member.id])).toEqual([{ n: 1 }]);
    });

    it('refuses unknown and inactive tiers as BAD_USER_INPUT on tierId', async () => {
      const member = await signUpUser(t);
      const unknown = await applyFor(t, member, '00000000-0000-4000-8000-000000000000');
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].extensions.fields![0].path).toBe('tierId');
      const tierId = await createTier(t, admin);
      await t.gql(`mutation($id: ID!) { updateMembershipTier(id: $id, input: { active: false }) { id } }`, { id: tierId }, admin.accessToken);
      expect(errorCode(await applyFor(t, member, tierId))).toBe('BAD_USER_INPUT');
    });

    it('declines with a reason and tells the applicant', async () => {
      const tierId = await createTier(t, admin, { requiresApproval: true });
      const member = await signUpUser(t);
      const id = (await applyFor(t, member, tierId)).data!.applyForMembership.id;
      const empty = await t.gql(`mutation($id: ID!) { declineMembership(membershipId: $id, reason: "  ") { status } }`, { id }, admin.accessToken);
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');
      const declined = await t.gql(`mutation($id: ID!) { declineMembership(membershipId: $id, reason: "Not eligible") { status declineReason } }`, { id }, admin.accessToken);
      expect(declined.data!.declineMembership).toEqual({ status: 'DECLINED', declineReason: 'Not eligible' });
      const mail = await t.sql(`SELECT template FROM outbox_messages WHERE recipient_user_id = $1 AND template LIKE 'membership-%' ORDER BY created_at`, [member.id]);
      expect(mail.map((m) => m.template)).toEqual(['membership-application-received', 'membership-declined']);
      // Declined is not current: the person may apply again.
      expect((await applyFor(t, member, tierId)).data!.applyForMembership.status).toBe('PENDING_APPROVAL');
    });

    it('approval and decline are admin-only', async () => {
      const tierId = await createTier(t, admin, { requiresApproval: true });
      const member = await signUpUser(t);
      const id = (await applyFor(t, member, tierId)).data!.applyForMembership.id;
      const approve = `mutation($id: ID!) { approveMembership(membershipId: $id) { status } }`;
      expect(errorCode(await t.gql(approve, { id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(approve, { id }, member.accessToken))).toBe('FORBIDDEN');
    });
  });

  describe('grants and cancellation', () => {
    it('grants a complimentary membership until a date, or for life', async () => {
      const tierId = await createTier(t, admin, { price: { amount: 5000, currency: 'USD' } });
      const member = await signUpUser(t);
      const until = new Date(Date.now() + 90 * 86_400_000).toISOString();
      const granted = await t.gql(`mutation($u: ID!, $t: ID!, $until: DateTime) { grantMembership(userId: $u, tierId: $t, until: $until) { status complimentary currentPeriodEnd } }`, { u: member.id, t: tierId, until }, admin.accessToken);
      expect(granted.data!.grantMembership).toEqual({ status: 'ACTIVE', complimentary: true, currentPeriodEnd: until });
      const lifer = await signUpUser(t);
      const life = await t.gql(`mutation($u: ID!, $t: ID!) { grantMembership(userId: $u, tierId: $t) { status currentPeriodEnd } }`, { u: lifer.id, t: tierId }, admin.accessToken);
      expect(life.data!.grantMembership).toEqual({ status: 'ACTIVE', currentPeriodEnd: null });
    });

    it('refuses an `until` in the past, naming it', async () => {
      const tierId = await createTier(t, admin);
      const member = await signUpUser(t);
      const result = await t.gql(`mutation($u: ID!, $t: ID!) { grantMembership(userId: $u, tierId: $t, until: "2001-01-01T00:00:00Z") { id } }`, { u: member.id, t: tierId }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields![0].path).toBe('until');
      expect(await t.sql(`SELECT 1 FROM memberships WHERE user_id = $1`, [member.id])).toHaveLength(0);
    });

    it('cancels: the member keeps the paid period, and another member cannot cancel it', async () => {
      const tierId = await createTier(t, admin);
      const member = await signUpUser(t);
      const other = await signUpUser(t);
      const id = (await applyFor(t, member, tierId)).data!.applyForMembership.id;
      const cancel = `mutation($id: ID!) { cancelMembership(membershipId: $id) { status cancelledAt autoRenew } }`;
      expect(errorCode(await t.gql(cancel, { id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(cancel, { id }, other.accessToken))).toBe('NOT_FOUND');
      const done = await t.gql(cancel, { id }, member.accessToken);
      expect(done.data!.cancelMembership).toMatchObject({ status: 'ACTIVE', autoRenew: false, cancelledAt: expect.any(String) });
    });
  });

  describe('privacy of people', () => {
    it('user(id): self and admins see it; another member gets NOT_FOUND; email and membership are guarded', async () => {
      const a = await signUpUser(t);
      const b = await signUpUser(t);
      const q = `query($id: ID!) { user(id: $id) { id email membership { id } } }`;
      expect(errorCode(await t.gql(q, { id: a.id }))).toBe('UNAUTHENTICATED');
      expect((await t.gql(q, { id: a.id }, a.accessToken)).data!.user.email).toBe(a.email);
      expect(errorCode(await t.gql(q, { id: a.id }, b.accessToken))).toBe('NOT_FOUND');
      expect((await t.gql(q, { id: a.id }, admin.accessToken)).data!.user.email).toBe(a.email);
    });

    it('users(): admins only; shows each person with their membership', async () => {
      const member = await signUpUser(t, { fullName: 'Zed Listable' });
      const q = `query($s: String) { users(first: 5, search: $s) { totalCount edges { node { id email membership { status } } } } }`;
      expect(errorCode(await t.gql(q, { s: 'Zed' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(q, { s: 'Zed' }, member.accessToken))).toBe('FORBIDDEN');
      const found = await t.gql(q, { s: 'zed listable' }, admin.accessToken);
      expect(found.data!.users.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(member.id);
      const byEmail = await t.gql(q, { s: member.email.slice(0, 12) }, admin.accessToken);
      expect(byEmail.data!.users.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(member.id);
    });

    it('refuses oversized skills lists and skills', async () => {
      const member = await signUpUser(t);
      const update = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { skills } }`;
      const many = await t.gql(update, { input: { skills: Array.from({ length: 1000 }, (_, i) => `skill${i}`) } }, member.accessToken);
      expect(errorCode(many)).toBe('BAD_USER_INPUT');
      expect(many.errors![0].extensions.fields![0].path).toBe('input.skills');
      const long = await t.gql(update, { input: { skills: ['x'.repeat(10_000)] } }, member.accessToken);
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      const ok = await t.gql(update, { input: { skills: [' TypeScript ', 'typescript', 'Go'] } }, member.accessToken);
      expect(ok.data!.updateMyProfile.skills).toEqual(['typescript', 'go']);
    });
  });
});
