import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UNCLAIMED_PASSWORD_HASH } from '../../libs/accounts/src/index.js';
import { importMembersCommand } from '../../libs/members/src/index.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const HEADER = 'email,full_name,tier,status,current_period_end,joined_at';
const DAY = 86_400_000;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

interface Report {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
  errors: Array<{ line: number | null; column: string | null; message: string }>;
  warnings: Array<{ line: number | null; column: string | null; message: string }>;
}

/** ISO date-times at whole days from now, so files are stable within a test. */
const inDays = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY).toISOString();

async function postCsv(t: TestApp, body: string | Buffer, token?: string, query = ''): Promise<{ status: number; body: Report }> {
  const response = await fetch(`${t.url}/admin/members/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Report };
}

async function getExport(t: TestApp, token?: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${t.url}/admin/members/export.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Everything an import can write, counted: equal snapshots mean nothing was written. */
async function snapshot(t: TestApp) {
  const [row] = await t.sql(`SELECT
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM memberships) AS memberships,
      (SELECT count(*)::int FROM membership_periods) AS periods,
      (SELECT count(*)::int FROM membership_status_changes) AS changes,
      (SELECT count(*)::int FROM audit_log) AS audit,
      (SELECT coalesce(max(updated_at), 'epoch')::text FROM memberships) AS last_membership_update`);
  return row;
}

describe('member CSV import and export', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let workDir: string;
  const tiers = { professional: 'Professional', lifetime: 'Lifetime', retired: 'Retired' };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    member = await signUpUser(t, { fullName: 'Existing Person' });
    await createTier(t, admin, { name: tiers.professional, billingInterval: 'YEAR', gracePeriodDays: 30, price: { amount: 15000, currency: 'USD' } });
    await createTier(t, admin, { name: tiers.lifetime, billingInterval: 'LIFETIME', price: { amount: 200000, currency: 'USD' } });
    await createTier(t, admin, { name: tiers.retired, billingInterval: 'YEAR' });
    await t.sql(`UPDATE membership_tiers SET active = false WHERE name = $1`, [tiers.retired]);
    workDir = await mkdtemp(join(tmpdir(), 'guildhall-import-'));
  });

  afterAll(async () => {
    await t?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  describe('authorization', () => {
    const valid = () => `${HEADER}\nauth.check@example.org,Auth Check,${tiers.professional},ACTIVE,${inDays(100)},${inDays(-10)}\n`;

    it('refuses an anonymous import with 401 and a member with 403; an admin gets 200', async () => {
      expect((await postCsv(t, valid(), undefined, '?dryRun=true')).status).toBe(401);
      expect((await postCsv(t, valid(), 'not-a-token', '?dryRun=true')).status).toBe(401);
      expect((await postCsv(t, valid(), member.accessToken, '?dryRun=true')).status).toBe(403);
      const ok = await postCsv(t, valid(), admin.accessToken, '?dryRun=true');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ dryRun: true, created: 1, errors: [] });
    });

    it('refuses an anonymous export with 401 and a member with 403; an admin gets 200', async () => {
      expect((await getExport(t)).status).toBe(401);
      expect((await getExport(t, member.accessToken)).status).toBe(403);
      expect((await getExport(t, admin.accessToken)).status).toBe(200);
    });
  });

  describe('a good file', () => {
    const activeEnd = inDays(200);
    const graceEnd = inDays(-5);
    const joined = inDays(-400);
    const emails = ['new.active@example.org', 'new.grace@example.org', 'new.lifetime@example.org', 'new.lapsed@example.org', 'new.pending@example.org'];
    let file: string;
    let first: { status: number; body: Report };

    beforeAll(async () => {
      file = [
        `${HEADER},notes`,
        `New.Active@Example.org,Ada Active,${tiers.professional},active,${activeEnd},${joined},vip`,
        `new.grace@example.org,Grace Hopper,${tiers.professional},GRACE,${graceEnd},${joined},`,
        `new.lifetime@example.org,Lin Lifetime,${tiers.lifetime},ACTIVE,,2020-01-15,`,
        `new.lapsed@example.org,Lapsed Person,${tiers.professional},LAPSED,,,`,
        `new.pending@example.org,"Pending, Payment",${tiers.professional},PENDING_PAYMENT,,,`,
        `${member.email.toUpperCase()},Name From File,${tiers.professional},ACTIVE,${activeEnd},${joined},`,
      ].join('\r\n');
      first = await postCsv(t, file, admin.accessToken);
    });

    it('answers 200 with the counts, and the unknown column as a warning', () => {
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ dryRun: false, created: 6, updated: 0, unchanged: 0, accountsCreated: 5, errors: [] });
      expect(first.body.warnings).toEqual([{ line: 1, column: 'notes', message: expect.stringContaining('ignored') }]);
    });

    it('creates the accounts (lower-case emails, no usable password) and their memberships', async () => {
      const rows = await t.sql(
        `SELECT u.email, u.full_name, u.password_hash, m.status, t.name AS tier, m.current_period_end, m.started_at, m.grace_ends_at, m.auto_renew
           FROM users u JOIN memberships m ON m.user_id = u.id JOIN membership_tiers t ON t.id = m.tier_id
          WHERE u.email = ANY($1) ORDER BY u.email`,
        [emails],
      );
      expect(rows.map((r) => [r.email, r.full_name, r.tier, r.status])).toEqual([
        ['new.active@example.org', 'Ada Active', tiers.professional, 'ACTIVE'],
        ['new.grace@example.org', 'Grace Hopper', tiers.professional, 'GRACE'],
        ['new.lapsed@example.org', 'Lapsed Person', tiers.professional, 'LAPSED'],
        ['new.lifetime@example.org', 'Lin Lifetime', tiers.lifetime, 'ACTIVE'],
        ['new.pending@example.org', 'Pending, Payment', tiers.professional, 'PENDING_PAYMENT'],
      ]);
      expect(rows.every((r) => r.password_hash === UNCLAIMED_PASSWORD_HASH && r.auto_renew === false)).toBe(true);
      const [active, grace, lapsed, lifetime, pending] = rows;
      expect([active.current_period_end.toISOString(), active.started_at.toISOString(), active.grace_ends_at]).toEqual([activeEnd, joined, null]);
      expect(grace.grace_ends_at.toISOString()).toBe(new Date(Date.parse(graceEnd) + 30 * DAY).toISOString());
      expect([lifetime.current_period_end, lifetime.started_at.toISOString()]).toEqual([null, '2020-01-15T00:00:00.000Z']);
      expect([lapsed.current_period_end, lapsed.started_at, pending.current_period_end, pending.started_at]).toEqual([null, null, null, null]);
    });

    it('records IMPORT periods with deterministic references, and the status history', async () => {
      const periods = await t.sql(
        `SELECT u.email, p.source, p.source_ref, p.ends_at FROM membership_periods p
           JOIN memberships m ON m.id = p.membership_id JOIN users u ON u.id = m.user_id
          WHERE u.email = ANY($1) ORDER BY u.email`,
        [[...emails, member.email]],
      );
      expect(periods.map((p) => [p.email, p.source, p.source_ref])).toEqual([
        [member.email, 'IMPORT', `import:${member.email}:${activeEnd}`],
        ['new.active@example.org', 'IMPORT', `import:new.active@example.org:${activeEnd}`],
        ['new.grace@example.org', 'IMPORT', `import:new.grace@example.org:${graceEnd}`],
        ['new.lifetime@example.org', 'IMPORT', 'import:new.lifetime@example.org:lifetime'],
      ]);
      expect(periods[3].ends_at).toBeNull();
      const changes = await t.sql(
        `SELECT c.from_status, c.to_status, c.actor_id, c.reason FROM membership_status_changes c
           JOIN memberships m ON m.id = c.membership_id JOIN users u ON u.id = m.user_id WHERE u.email = ANY($1)`,
        [[...emails, member.email]],
      );
      expect(changes).toHaveLength(6);
      expect(changes.every((c) => c.from_status === null && c.actor_id === admin.id && c.reason === 'import')).toBe(true);
    });

    it('writes one audit entry with the counts, by the admin', async () => {
      const audit = await t.sql(`SELECT actor_id, after FROM audit_log WHERE action = 'members.import' AND (after->>'created')::int = 6`);
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(admin.id);
      expect(audit[0].after).toMatchObject({ via: 'api', rows: 6, created: 6, updated: 0, unchanged: 0, accountsCreated: 5, warnings: 1 });
    });

    it('matches the existing account by email, case-insensitively, and keeps its profile', async () => {
      const rows = await t.sql(`SELECT id, full_name FROM users WHERE lower(email) = lower($1)`, [member.email]);
      expect(rows).toEqual([{ id: member.id, full_name: 'Existing Person' }]);
    });

    it('leaves imported accounts unable to log in', async () => {
      for (const password of ['correct horse battery', UNCLAIMED_PASSWORD_HASH]) {
        const result = await t.gql(LOG_IN, { input: { email: 'new.active@example.org', password } });
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
      }
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await snapshot(t);
      const again = await postCsv(t, file, admin.accessToken);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 6, accountsCreated: 0, errors: [] });
      expect(await snapshot(t)).toEqual({ ...before, audit: before.audit + 1 });
    });
  });

  it('updates only the row that differs, adding its new period and status change', async () => {
    const joined = inDays(-400);
    const v1 = `${HEADER}\nrenew.me@example.org,Renew Me,${tiers.professional},GRACE,${inDays(-3)},${joined}\nstay.same@example.org,Stay Same,${tiers.professional},ACTIVE,${inDays(90)},${joined}\n`;
    expect((await postCsv(t, v1, admin.accessToken)).body).toMatchObject({ created: 2, errors: [] });
    const renewedEnd = inDays(362);
    const v2 = v1.replace(`GRACE,${inDays(-3)}`, `ACTIVE,${renewedEnd}`);
    const before = await snapshot(t);
    const { status, body } = await postCsv(t, v2, admin.accessToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await snapshot(t)).toMatchObject({ users: before.users, memberships: before.memberships, periods: before.periods + 1, changes: before.changes + 1 });
    const [renewed] = await t.sql(`SELECT m.status, m.current_period_end, m.grace_ends_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'renew.me@example.org'`);
    expect(renewed).toMatchObject({ status: 'ACTIVE', grace_ends_at: null });
    expect(renewed.current_period_end.toISOString()).toBe(renewedEnd);
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    const file = `${HEADER}\ndry.one@example.org,Dry One,${tiers.professional},ACTIVE,${inDays(30)},${inDays(-30)}\ndry.two@example.org,Dry Two,${tiers.lifetime},ACTIVE,,${inDays(-30)}\n`;
    const before = await snapshot(t);
    const { status, body } = await postCsv(t, file, admin.accessToken, '?dryRun=true');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, created: 2, updated: 0, unchanged: 0, accountsCreated: 2, errors: [] });
    expect(await snapshot(t)).toEqual(before);
    expect(await t.sql(`SELECT 1 FROM users WHERE email LIKE 'dry.%'`)).toEqual([]);
  });

  it('refuses an unknown dryRun value', async () => {
    const { status, body } = await postCsv(t, `${HEADER}\n`, admin.accessToken, '?dryRun=maybe');
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/dryRun/);
  });

  it('reports every bad row of a large file, one deep inside it, and writes nothing', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 4999; i++) rows.push(`bulk.${i}@example.org,Bulk Member ${i},${tiers.professional},ACTIVE,${inDays(100)},${inDays(-100)}`);
    // Line n of the file is rows[n - 2] (line 1 is the header).
    const bad: Record<number, [string, string, RegExp]> = {
      5: [`bad.5@example.org,Bad 5,Platinum,ACTIVE,${inDays(100)},${inDays(-100)}`, 'tier', /"Platinum" is not a membership tier/],
      6: [`bad.6@example.org,Bad 6,${tiers.retired},ACTIVE,${inDays(100)},${inDays(-100)}`, 'tier', /inactive/],
      100: [`bad.100@example.org,Bad 100,${tiers.professional},EXPIRED,${inDays(100)},${inDays(-100)}`, 'status', /"EXPIRED" is not a status/],
      1500: [`bad.1500@example.org,Bad 1500,${tiers.professional},ACTIVE,31/12/2026,${inDays(-100)}`, 'current_period_end', /not an ISO 8601 date/],
      2500: [`bad.2500@example.org,Bad 2500,${tiers.professional},ACTIVE,,${inDays(-100)}`, 'current_period_end', /required for an ACTIVE membership/],
      3000: [`BULK.7@example.org,Bulk Seven Again,${tiers.professional},ACTIVE,${inDays(100)},${inDays(-100)}`, 'email', /already on line 9/],
      4000: [`not-an-email,Bulk 4000,${tiers.professional},ACTIVE,${inDays(100)},${inDays(-100)}`, 'email', /"not-an-email" is not a valid email/],
      4500: [`bad.4500@example.org,Bad 4500,${tiers.professional},ACTIVE,2026-02-30,${inDays(-100)}`, 'current_period_end', /not a real date/],
    };
    for (const [line, [row]] of Object.entries(bad)) rows[Number(line) - 2] = row;
    rows[4800 - 2] = `bad.4800@example.org,Bad 4800,${tiers.professional}`; // too few fields
    const file = [HEADER, ...rows].join('\n');

    const before = await snapshot(t);
    const { status, body } = await postCsv(t, file, admin.accessToken);
    expect(status).toBe(400);
    expect(body.created + body.updated + body.unchanged).toBe(0);
    expect(body.errors.map((e) => e.line)).toEqual([5, 6, 100, 1500, 2500, 3000, 4000, 4500, 4800]);
    for (const [line, [, column, message]] of Object.entries(bad)) {
      const error = body.errors.find((e) => e.line === Number(line));
      expect(error).toMatchObject({ column });
      expect(error!.message).toMatch(message);
    }
    expect(body.errors.find((e) => e.line === 4800)!.message).toMatch(/has 3 fields but the header has 6/);
    expect(await snapshot(t)).toEqual(before);
    expect(await t.sql(`SELECT 1 FROM users WHERE email LIKE 'bulk.%' LIMIT 1`)).toEqual([]);
  });

  it('refuses a file that is not UTF-8, naming the line, and writes nothing', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nok.utf8@example.org,Zo`, 'utf8'),
      Buffer.from([0xeb]), // "ë" in Latin-1: not UTF-8
      Buffer.from(`,${tiers.professional},ACTIVE,${inDays(10)},${inDays(-10)}\n`, 'utf8'),
    ]);
    const before = await snapshot(t);
    const { status, body } = await postCsv(t, latin1, admin.accessToken);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ line: 2 });
    expect(body.errors[0].message).toMatch(/not valid UTF-8 \(byte 0xEB/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a request that declares another charset', async () => {
    const response = await fetch(`${t.url}/admin/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=iso-8859-1', authorization: `Bearer ${admin.accessToken}` },
      body: `${HEADER}\n`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Report).errors[0].message).toMatch(/must be UTF-8/);
  });

  it('refuses a body that is not CSV with 415', async () => {
    const response = await fetch(`${t.url}/admin/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ email: 'x@example.org' }),
    });
    expect(response.status).toBe(415);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['a file of blank lines', '\n\n  \n', /the file is empty/],
    ['a header without members', `${HEADER}\n`, /header but no members/],
  ])('refuses %s', async (_label, file, message) => {
    const before = await snapshot(t);
    const { status, body } = await postCsv(t, file, admin.accessToken);
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(await snapshot(t)).toEqual(before);
  });

  it('names every missing required column', async () => {
    const { status, body } = await postCsv(t, `email,full_name,tier\nx@example.org,X,${tiers.professional}\n`, admin.accessToken);
    expect(status).toBe(400);
    expect(body.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'status'],
      [1, 'current_period_end'],
      [1, 'joined_at'],
    ]);
  });

  it('refuses unknown and inactive tiers, naming the tier', async () => {
    const file = `${HEADER}\nt1@example.org,T One,Gold,ACTIVE,${inDays(10)},${inDays(-10)}\nt2@example.org,T Two,${tiers.retired},ACTIVE,${inDays(10)},${inDays(-10)}\n`;
    const before = await snapshot(t);
    const { status, body } = await postCsv(t, file, admin.accessToken);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { line: 2, column: 'tier', message: expect.stringContaining('"Gold" is not a membership tier') },
      { line: 3, column: 'tier', message: expect.stringContaining(`"${tiers.retired}" is inactive`) },
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  describe('the CLI command', () => {
    const output = () => {
      const lines: string[] = [];
      return { lines, out: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
    };

    it('imports a file with no actor, and a dry run writes nothing', async () => {
      const path = join(workDir, 'cli.csv');
      await writeFile(path, `${HEADER}\ncli.one@example.org,Cli One,${tiers.professional},ACTIVE,${inDays(50)},${inDays(-50)}\n`);

      const before = await snapshot(t);
      const dry = output();
      expect(await importMembersCommand(t.app, { positional: [path], flags: { 'dry-run': true } }, dry.out)).toBe(0);
      expect(dry.lines.join('\n')).toMatch(/dry run, nothing written; it would make 1 created/);
      expect(await snapshot(t)).toEqual(before);

      const real = output();
      expect(await importMembersCommand(t.app, { positional: [path], flags: {} }, real.out)).toBe(0);
      expect(real.lines.join('\n')).toMatch(/imported: 1 created, 0 updated, 0 unchanged, 1 new account/);
      const [audit] = await t.sql(`SELECT actor_id, after FROM audit_log WHERE action = 'members.import' ORDER BY created_at DESC LIMIT 1`);
      expect(audit.actor_id).toBeNull();
      expect(audit.after).toMatchObject({ via: 'cli', created: 1 });
      const [changes] = await t.sql(`SELECT c.actor_id FROM membership_status_changes c JOIN memberships m ON m.id = c.membership_id JOIN users u ON u.id = m.user_id WHERE u.email = 'cli.one@example.org'`);
      expect(changes.actor_id).toBeNull();
    });

    it('prints each error with its line and exits 1 without writing; bad usage exits 2', async () => {
      const path = join(workDir, 'cli-bad.csv');
      await writeFile(path, `${HEADER}\nbad-email,Cli Bad,${tiers.professional},ACTIVE,${inDays(50)},${inDays(-50)}\n`);
      const before = await snapshot(t);
      const bad = output();
      expect(await importMembersCommand(t.app, { positional: [path], flags: {} }, bad.out)).toBe(1);
      expect(bad.lines.join('\n')).toMatch(/line 2, column email\): "bad-email" is not a valid email address/);
      expect(await snapshot(t)).toEqual(before);

      expect(await importMembersCommand(t.app, { positional: [], flags: {} }, output().out)).toBe(2);
      expect(await importMembersCommand(t.app, { positional: [join(workDir, 'missing.csv')], flags: {} }, output().out)).toBe(2);
    });
  });

  describe('export', () => {
    it('streams members as an attachment in the import format, without people who have no membership', async () => {
      const seed = `${HEADER},skills\nexport.lifetime@example.org,Lin Lifetime,${tiers.lifetime},ACTIVE,,2020-01-15,Go; SQL\nexport.pending@example.org,"Pending, Payment",${tiers.professional},PENDING_PAYMENT,,,\n`;
      expect((await postCsv(t, seed, admin.accessToken)).body.errors).toEqual([]);
      const { status, headers, text } = await getExport(t, admin.accessToken);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/csv/);
      expect(headers.get('content-disposition')).toMatch(/^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = text.trimEnd().split('\n');
      expect(lines[0]).toBe('email,full_name,tier,status,current_period_end,joined_at,headline,location,employer,skills');
      expect(lines).toContain(`export.lifetime@example.org,Lin Lifetime,${tiers.lifetime},ACTIVE,,2020-01-15T00:00:00.000Z,,,,go;sql`);
      expect(lines).toContain(`export.pending@example.org,"Pending, Payment",${tiers.professional},PENDING_PAYMENT,,,,,,`);
      expect(text).not.toContain(admin.email);
      const [{ n }] = await t.sql(`SELECT count(DISTINCT user_id)::int AS n FROM memberships`);
      expect(lines).toHaveLength(n + 1);
      const [audit] = await t.sql(`SELECT actor_id, after FROM audit_log WHERE action = 'members.export' ORDER BY created_at DESC LIMIT 1`);
      expect(audit).toMatchObject({ actor_id: admin.id, after: { rows: n, complete: true } });
    });

    it('round-trips: export, import into the same database (nothing changes) and into a fresh one (same export)', async () => {
      // Enough members for several export batches, with profiles and a formula-looking name.
      const rows: string[] = [];
      for (let i = 0; i < 4500; i++) {
        const status = ['ACTIVE', 'LAPSED', 'CANCELLED', 'PENDING_PAYMENT'][i % 4];
        const end = status === 'ACTIVE' ? inDays(10 + (i % 300)) : status === 'PENDING_PAYMENT' ? '' : inDays(-(i % 300) - 1);
        const joined = status === 'PENDING_PAYMENT' ? '' : inDays(-400 - (i % 50));
        rows.push(`round.${String(i).padStart(4, '0')}@example.org,Round Trip ${i},${tiers.professional},${status},${end},${joined},Engineer at ${i % 7},City ${i % 13},Firm ${i % 5},python;sql`);
      }
      rows.push(`formula@example.org,"=HYPERLINK(""http://x"")",${tiers.lifetime},ACTIVE,,${inDays(-3)},"+1, headline",@home,-firm,`);
      const seeded = await postCsv(t, [`${HEADER},headline,location,employer,skills`, ...rows].join('\n'), admin.accessToken);
      expect(seeded.body.errors).toEqual([]);
      expect(seeded.body.created).toBe(4501);

      const first = await getExport(t, admin.accessToken);
      expect(first.text).toContain(`formula@example.org,"'=HYPERLINK(""http://x"")",${tiers.lifetime}`);
      expect(first.text).toContain(`round.0001@example.org,Round Trip 1,${tiers.professional},LAPSED`);
      expect(first.text).toContain('python;sql');

      const before = await snapshot(t);
      const same = await postCsv(t, first.text, admin.accessToken);
      expect(same.body).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(same.body.unchanged).toBe(first.text.trimEnd().split('\n').length - 1);
      expect(await snapshot(t)).toEqual({ ...before, audit: before.audit + 1 });

      const other = await startTestApp();
      try {
        const otherAdmin = await createAdminUser(other);
        await createTier(other, otherAdmin, { name: tiers.professional, billingInterval: 'YEAR', gracePeriodDays: 30 });
        await createTier(other, otherAdmin, { name: tiers.lifetime, billingInterval: 'LIFETIME' });
        const imported = await postCsv(other, first.text, otherAdmin.accessToken);
        expect(imported.body.errors).toEqual([]);
        const second = await getExport(other, otherAdmin.accessToken);
        expect(second.text).toBe(first.text);
        const [formula] = await other.sql(`SELECT u.full_name, p.headline, p.location, p.employer FROM users u JOIN member_profiles p ON p.user_id = u.id WHERE u.email = 'formula@example.org'`);
        expect(formula).toEqual({ full_name: '=HYPERLINK("http://x")', headline: '+1, headline', location: '@home', employer: '-firm' });
      } finally {
        await other.close();
      }
    }, 120_000); // 4,500 rows imported twice and exported three times: minutes on a loaded machine, not 30 s
  });
});
