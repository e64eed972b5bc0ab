import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RetentionService } from '../../libs/privacy/src/index.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const GET = `{ retentionSettings { lapsedMemberDays outboxBodyDays loginFailureDays auditEntryDays } }`;
const UPDATE = `mutation($input: UpdateRetentionSettingsInput!) { updateRetentionSettings(input: $input) { lapsedMemberDays outboxBodyDays loginFailureDays auditEntryDays } }`;

describe('retention', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts from the documented defaults; admins only; validated', async () => {
    expect((await t.gql(GET, {}, admin.accessToken)).data!.retentionSettings).toEqual({ lapsedMemberDays: null, outboxBodyDays: 90, loginFailureDays: 30, auditEntryDays: null });
    const member = await signUpUser(t);
    expect(errorCode(await t.gql(GET))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(GET, {}, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(UPDATE, { input: { outboxBodyDays: 5 } }, member.accessToken))).toBe('FORBIDDEN');
    const bad = await t.gql(UPDATE, { input: { auditEntryDays: 10 } }, admin.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields![0].path).toBe('input.auditEntryDays');
  });

  it('the daily job applies each period to old records only', async () => {
    const set = await t.gql(UPDATE, { input: { lapsedMemberDays: 30, outboxBodyDays: 1, loginFailureDays: 1, auditEntryDays: 365 } }, admin.accessToken);
    expect(set.errors).toBeUndefined();
    const tierId = await createTier(t, admin);
    const lapsedLongAgo = await signUpUser(t, { fullName: 'Olga Oldmember' });
    const lapsedRecently = await signUpUser(t, { fullName: 'Rita Recent' });
    const active = await signUpUser(t, { fullName: 'Amy Active' });
    for (const u of [lapsedLongAgo, lapsedRecently, active]) await applyFor(t, u, tierId);
    await t.sql(`UPDATE memberships SET status = 'LAPSED', updated_at = now() - interval '40 days' WHERE user_id = $1`, [lapsedLongAgo.id]);
    await t.sql(`UPDATE memberships SET status = 'LAPSED', updated_at = now() - interval '5 days' WHERE user_id = $1`, [lapsedRecently.id]);
    await t.sql(`UPDATE outbox_messages SET status = 'SENT', created_at = now() - interval '2 days' WHERE recipient_user_id = $1`, [active.id]);
    await t.sql(`INSERT INTO login_failures (email, client_address, created_at) VALUES ('old@example.org', '198.51.100.1', now() - interval '2 days'), ('new@example.org', '198.51.100.1', now())`);
    await t.sql(`INSERT INTO audit_log (action, target_type, created_at) VALUES ('ancient.thing', 'X', now() - interval '400 days'), ('recent.thing', 'X', now() - interval '300 days')`);

    const report = await t.app.get(RetentionService).apply();
    expect(report).toMatchObject({ lapsedMembersErased: 1, loginFailures: 1, auditEntries: 1 });
    expect(report.outboxBodies).toBeGreaterThan(0);

    const names = await t.sql(`SELECT id, full_name FROM users WHERE id = ANY($1)`, [[lapsedLongAgo.id, lapsedRecently.id, active.id]]);
    expect(Object.fromEntries(names.map((n) => [n.id, n.full_name]))).toEqual({
      [lapsedLongAgo.id]: 'Erased member',
      [lapsedRecently.id]: 'Rita Recent',
      [active.id]: 'Amy Active',
    });
    const bodies = await t.sql(`SELECT DISTINCT body_text FROM outbox_messages WHERE recipient_user_id = $1`, [active.id]);
    expect(bodies).toEqual([{ body_text: '(removed after the retention period)' }]);
    const recentMail = await t.sql(`SELECT body_text FROM outbox_messages WHERE recipient_user_id = $1`, [lapsedRecently.id]);
    expect(recentMail.every((m) => m.body_text.includes('Rita Recent'))).toBe(true);
    expect((await t.sql(`SELECT email FROM login_failures`)).map((r) => r.email)).toEqual(['new@example.org']);
    expect((await t.sql(`SELECT action FROM audit_log WHERE target_type = 'X'`)).map((r) => r.action)).toEqual(['recent.thing']);
    const [erasure] = await t.sql(`SELECT actor_id, after FROM audit_log WHERE action = 'account.erase' AND target_id = $1`, [lapsedLongAgo.id]);
    expect(erasure).toMatchObject({ actor_id: null, after: { by: 'retention' } });

    // Running again erases nobody twice; the audit log stays append-only outside the job.
    expect((await t.app.get(RetentionService).apply()).lapsedMembersErased).toBe(0);
    await expect(t.sql(`DELETE FROM audit_log WHERE action = 'recent.thing'`)).rejects.toThrow(/append-only/);
  });
});
