import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, goodStandingTier, joinGroup, memberInGoodStanding } from '../factories/communities.js';
import { createEvent } from '../factories/events.js';
import { applyOk, createCohort, createProgram } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';
import { unzip } from '../utils/unzip.js';

const REQUEST_MINE = `mutation { requestMyDataExport { id status downloadUrl } }`;
const REQUEST_FOR = `mutation($userId: ID!) { requestDataExport(userId: $userId) { id status downloadUrl } }`;
const MINE = `{ myDataExports { id status readyAt downloadUrl expiresAt } }`;

describe('personal data export', () => {
  let t: TestApp;
  let admin: TestUser;
  let ada: TestUser;
  let bob: TestUser;
  const seeded: Record<string, string> = {};

  /** Something in every area for one person. */
  async function seed(person: TestUser, tag: string, eventId: string, cohortId: string): Promise<void> {
    await t.gql(`mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { headline: `Headline ${tag}` } }, person.accessToken);
    const registration = await t.gql(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status } }`, { eventId }, person.accessToken);
    const registrationId = registration.data!.registerForEvent.id;
    const checked = await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registrationId }, admin.accessToken);
    expect(checked.errors).toBeUndefined();
    seeded[`registration:${tag}`] = registrationId;
    const [payment] = await t.sql(
      `INSERT INTO payments (user_id, purpose, provider, method, amount, currency, description, paid_at, external_reference)
       VALUES ($1, 'DUES', 'OFFLINE', 'cheque', 4200, 'EUR', $2, now(), $3) RETURNING id`,
      [person.id, `Dues ${tag}`, `ref-${tag}`],
    );
    seeded[`payment:${tag}`] = payment.id;
    seeded[`application:${tag}`] = await applyOk(t, person, cohortId, { role: 'MENTEE', topics: ['leadership'], goals: `Goals ${tag}` });
    seeded[`group:${tag}`] = await createGroup(t, person, { name: `Group ${tag}` } as never);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    ada = await memberInGoodStanding(t, tierId, 'Ada Exportson');
    bob = await memberInGoodStanding(t, tierId, 'Bob Otherperson');
    const eventId = await createEvent(t, admin);
    const programId = await createProgram(t, admin);
    const cohortId = await createCohort(t, admin, programId, { open: true });
    await seed(ada, 'ada', eventId, cohortId);
    await seed(bob, 'bob', eventId, cohortId);
    await joinGroup(t, bob, seeded['group:ada']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function ready(person: TestUser): Promise<{ id: string; downloadUrl: string }> {
    const requested = await t.gql(REQUEST_MINE, {}, person.accessToken);
    expect(requested.data!.requestMyDataExport.status).toBe('PENDING');
    await t.runJobs();
    const [latest] = (await t.gql(MINE, {}, person.accessToken)).data!.myDataExports;
    expect(latest).toMatchObject({ id: requested.data!.requestMyDataExport.id, status: 'READY' });
    expect(new Date(latest.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    return latest;
  }

  const download = (url: string, token?: string) => fetch(url.replace(t.config.publicUrl, t.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("holds each area's records of the person and none of another person's", async () => {
    const { downloadUrl } = await ready(ada);
    const mail = await t.sql(`SELECT to_address, body_text FROM outbox_messages WHERE template = 'data-export-ready'`);
    expect(mail).toHaveLength(1);
    expect(mail[0].to_address).toBe(ada.email);
    expect(mail[0].body_text).toContain(`${t.config.publicUrl}/privacy\n`);
    expect(mail[0].body_text).not.toContain(downloadUrl); // the single-use link stays behind the session

    const response = await download(downloadUrl, ada.accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));
    expect([...files.keys()].filter((n) => n.endsWith('.json')).sort()).toEqual(
      ['account.json', 'audit.json', 'discussions.json', 'events.json', 'memberships.json', 'mentoring.json', 'payments.json', 'study-groups.json'],
    );
    expect(json('account.json').account).toMatchObject({ id: ada.id, email: ada.email, full_name: 'Ada Exportson' });
    expect(json('account.json').account.password_hash).toBeUndefined();
    expect(json('memberships.json').memberships).toHaveLength(1);
    expect(json('memberships.json').profile.headline).toBe('Headline ada');
    expect(json('payments.json').payments.map((p: any) => p.id)).toEqual([seeded['payment:ada']]);
    expect(json('events.json').registrations.map((r: any) => r.id)).toEqual([seeded['registration:ada']]);
    expect(json('events.json').attendance).toHaveLength(1);
    expect(files.get(`certificates/${seeded['registration:ada']}.pdf`)!.subarray(0, 4).toString()).toBe('%PDF');
    expect(json('mentoring.json').applications.map((a: any) => a.id)).toEqual([seeded['application:ada']]);
    expect(json('study-groups.json').memberships.map((m: any) => m.group_id)).toEqual([seeded['group:ada']]);

    const everything = [...files.entries()].filter(([n]) => n.endsWith('.json')).map(([, c]) => c.toString('utf8')).join('\n');
    for (const foreign of [bob.id, bob.email, 'Bob Otherperson', seeded['payment:bob'], seeded['registration:bob'], seeded['application:bob'], 'Headline bob']) {
      expect(everything).not.toContain(foreign);
    }
  });

  it('the link works once, and only for its own account', async () => {
    const { downloadUrl } = await ready(bob);
    expect((await download(downloadUrl)).status).toBe(401);
    expect((await download(downloadUrl, ada.accessToken)).status).toBe(404);
    expect((await download(downloadUrl, admin.accessToken)).status).toBe(404);
    expect((await download(downloadUrl, bob.accessToken)).status).toBe(200);
    expect((await download(downloadUrl, bob.accessToken)).status).toBe(404);
    const [spent] = (await t.gql(MINE, {}, bob.accessToken)).data!.myDataExports;
    expect(spent).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
  });

  it('an expired link no longer works', async () => {
    const { id, downloadUrl } = await ready(ada);
    await t.sql(`UPDATE data_exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await download(downloadUrl, ada.accessToken)).status).toBe(404);
  });

  it('staff run it for a person (audited), the link going to that person; authorization matrix', async () => {
    const manager = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = ARRAY['MEMBERSHIP_MANAGER'] WHERE id = $1`, [manager.id]);
    expect(errorCode(await t.gql(REQUEST_MINE))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MINE))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REQUEST_FOR, { userId: bob.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REQUEST_FOR, { userId: bob.id }, ada.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REQUEST_FOR, { userId: '00000000-0000-4000-8000-000000000000' }, manager.accessToken))).toBe('NOT_FOUND');
    const staffRun = await t.gql(REQUEST_FOR, { userId: bob.id }, manager.accessToken);
    expect(staffRun.data!.requestDataExport).toMatchObject({ status: 'PENDING', downloadUrl: null });
    const [entry] = await t.sql(`SELECT actor_id, target_id FROM audit_log WHERE action = 'dataExport.request'`);
    expect(entry).toEqual({ actor_id: manager.id, target_id: bob.id });
    await t.runJobs();
    const [built] = (await t.gql(MINE, {}, bob.accessToken)).data!.myDataExports;
    expect(built).toMatchObject({ id: staffRun.data!.requestDataExport.id, status: 'READY' });
    expect((await download(built.downloadUrl, manager.accessToken)).status).toBe(404);
  });

  it('API tokens: a read-only scope cannot request an export; a MEMBERSHIP_MANAGER scope can, until its owner loses the right', async () => {
    const manager = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = ARRAY['MEMBERSHIP_MANAGER'] WHERE id = $1`, [manager.id]);
    const make = async (scopes: string[]) =>
      (await t.gql(`mutation($s: [String!]!) { createApiToken(input: { name: "t", scopes: $s }) { secret } }`, { s: scopes }, manager.accessToken)).data!.createApiToken.secret as string;
    const readOnly = await make(['READ_MEMBERS']);
    const writer = await make(['MEMBERSHIP_MANAGER']);
    const personal = await make(['READ_MEMBERS']);
    expect(errorCode(await t.gql(REQUEST_FOR, { userId: ada.id }, readOnly))).toBe('FORBIDDEN');
    expect((await t.gql(REQUEST_FOR, { userId: ada.id }, writer)).errors).toBeUndefined();
    const [use] = await t.sql(`SELECT actor_id, request_id FROM audit_log WHERE action = 'apiToken.use' AND after->>'operation' = 'mutation' ORDER BY created_at DESC LIMIT 1`);
    const [request] = await t.sql(`SELECT actor_id, request_id FROM audit_log WHERE action = 'dataExport.request' ORDER BY created_at DESC LIMIT 1`);
    expect(request).toEqual(use); // the change is attributable to the token through the request id
    await t.sql(`UPDATE users SET staff_permissions = '{}' WHERE id = $1`, [manager.id]);
    expect(errorCode(await t.gql(REQUEST_FOR, { userId: bob.id }, writer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REQUEST_MINE, {}, personal))).toBe('FORBIDDEN');
  });
});
