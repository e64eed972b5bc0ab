/**
 * Writes in `npm run bench:peers` (BENCH_WRITES=register,signUp,webhook or `--writes` for all): Guildhall against the
 * raw baseline (`raw-writes.mjs`: the same transactions hand-written with node:http + pg). Writes mutate, so they run
 * on a database of their own, `guildhall_bench_writes_<pid>` on DATABASE_URL's server (created, migrated and seeded
 * with `seed:bench --members 1`, or copied from BENCH_WRITES_TEMPLATE; dropped at the end), never on the read bench's.
 *
 * - register: `registerForEvent` on a hot event (free, capacity 1,000,000: every request takes the event's row lock).
 *   Each request is another member with their own access token, made beforehand (sessions in SQL, tokens signed with
 *   the API's JWT_SECRET); each round and target has its own fresh event.
 * - signUp: a new email each request. argon2id (Guildhall's parameters, in both targets) dominates; the bench hashes
 *   alone in its own process and prints the CPU per request without it beside the figures with it.
 * - webhook: a signed `checkout.session.completed` (stripe.webhooks.generateTestHeaderString) paying a held seat:
 *   the claim in stripe_events, the seat payment and ledger rows, the confirmation email; a new event id each request.
 * Before timing, each target answers one request of each write and the rows each wrote are compared (ids, codes,
 * tokens and times masked); statements per request are counted through the counting proxy.
 */
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { gql, logIn } from '../graphql-client.js';
import { printTable } from '../table.js';
import { signWebhookPayload } from '../../test/fake-stripe/sign.js';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from '../../scripts/seed/bench.js';
import { StatementProxy } from './statement-proxy.js';
import { apiNode, type RunningTarget, startWriteTargets, stopTargets, type WriteTarget } from './targets.js';
import { printPerTarget, type SentRequest, time, type Timing } from './timing.js';
import { fmt, loadLine, mean, nodeVersion, positiveInt, run } from './util.js';

export const WRITE_KEYS = ['register', 'signUp', 'webhook'] as const;
type WriteKey = (typeof WRITE_KEYS)[number];
const WRITE_TARGETS: readonly WriteTarget[] = ['guildhall', 'raw'];
const DAY = 86_400_000;
const WEBHOOK_SECRET = 'whsec_bench_writes';
const SIGNUP_PASSWORD = 'bench signup password';
/** What Guildhall's PasswordHasher uses (argon2id, 19 MiB, 2 passes, 1 lane). */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** The writes asked for: BENCH_WRITES (comma-separated keys, `all`), or all with `--writes`; empty when neither. */
export function selectedWrites(): WriteKey[] {
  const asked = (process.env.BENCH_WRITES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!asked.length) return process.argv.includes('--writes') ? [...WRITE_KEYS] : [];
  if (asked.includes('all')) return [...WRITE_KEYS];
  const unknown = asked.filter((key) => !(WRITE_KEYS as readonly string[]).includes(key));
  if (unknown.length) throw new Error(`BENCH_WRITES: unknown ${unknown.join(', ')}; known: ${WRITE_KEYS.join(', ')}, all`);
  return asked as WriteKey[];
}

interface Member {
  id: string;
  token: string;
}

interface WritesContext {
  client: pg.Client;
  members: Member[];
  /** Guildhall's URL and an admin's token, to create events the way staff do. */
  api: string;
  adminToken: string;
  /** Every bench event starts at the same moment, so the emails of any two are alike but for ids. */
  startsAt: Date;
}

/** One set of requests with its own event (or email prefix): request `i` is member `i`'s. */
interface Batch {
  request(target: WriteTarget, i: number): SentRequest;
  /** What request `i` wrote, in one comparable shape. */
  written(i: number): Promise<string>;
  /** Rows the batch's requests wrote (after a timing: one per answered request). */
  count(): Promise<number>;
}

interface WriteScenario {
  key: WriteKey;
  name: string;
  batch(ctx: WritesContext, label: string): Promise<Batch>;
  failed(body: string): boolean;
}

const json = { 'content-type': 'application/json' };
const graphql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Every occurrence of each value replaced by its name; ISO and iCalendar times by a mark. */
function masked(row: Record<string, unknown>, values: Record<string, string | null | undefined>): string {
  let text = JSON.stringify(row);
  for (const [name, value] of Object.entries(values)) if (value) text = text.split(value).join(`<${name}>`);
  return text
    .replace(/(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z/g, '$1:<time>')
    .replace(/<svg[^]*?<\/svg>/g, '<qr>')
    .replace(/token=[A-Za-z0-9_-]+/g, 'token=<token>');
}

/** The outbox rows matching `which` (SQL on `m`), with their delivery jobs, as one JSON value for `masked`. */
const OUTBOX_OF = (which: string) => `(SELECT json_agg(json_build_object('to', m.to_address, 'template', m.template, 'subject', m.subject, 'text', m.body_text,
    'dedupe', m.dedupe_key, 'html', m.body_html, 'attachments', m.attachments, 'status', m.status,
    'jobs', (SELECT json_agg(json_build_object('task', t.identifier, 'maxAttempts', j.max_attempts, 'key', j.key))
               FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.payload->>'messageId' = m.id::text)) ORDER BY m.created_at)
    FROM outbox_messages m WHERE ${which})`;

async function createEvent(ctx: WritesContext, title: string, price: number): Promise<string> {
  const input = {
    title, kind: 'WORKSHOP', format: 'HYBRID', startsAt: ctx.startsAt.toISOString(), endsAt: new Date(ctx.startsAt.getTime() + 3 * 3_600_000).toISOString(),
    timezone: 'Europe/Berlin', venue: 'Guild Hall, Room 1', onlineUrl: null, capacity: 1_000_000, memberPrice: { amount: price, currency: 'EUR' },
    nonMemberPrice: { amount: price * 2, currency: 'EUR' }, membersOnly: false, registrationClosesAt: null, sessions: null, ceCredits: null, ceCategory: null,
  };
  const { createEvent: { id } } = await gql(ctx.api, `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input }, ctx.adminToken);
  await gql(ctx.api, `mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, ctx.adminToken);
  return id as string;
}

/** The registration of member `i` on `eventId`, what it wrote, masked. */
async function registrationWritten(ctx: WritesContext, eventId: string, member: Member, extra = ''): Promise<string> {
  const { rows: [row] } = await ctx.client.query(
    `SELECT r.id, r.status, r.price_amount, r.price_currency, r.waitlist_seq, r.offers_made, r.check_in_code, r.confirmed_at IS NOT NULL AS confirmed,
            r.hold_expires_at, r.offer_expires_at, r.checkout_url, u.email, u.full_name, ${OUTBOX_OF(`m.dedupe_key = 'event-confirmed:' || r.id`)} AS mail ${extra}
       FROM event_registrations r JOIN users u ON u.id = r.user_id WHERE r.event_id = $1 AND r.user_id = $2`,
    [eventId, member.id],
  );
  if (!row) return 'nothing written';
  return masked(row, { registration: row.id, code: row.check_in_code, user: member.id, email: row.email, name: row.full_name });
}

const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status } }`;

const register: WriteScenario = {
  key: 'register',
  name: 'registerForEvent on a hot event',
  failed: (body) => !body.includes('"CONFIRMED"'),
  async batch(ctx, label) {
    const eventId = await createEvent(ctx, `Hot event ${label}`, 0);
    return {
      request: (target, i) => {
        const member = ctx.members[i];
        return target === 'guildhall'
          ? { path: '/graphql', headers: { ...json, authorization: `Bearer ${member.token}` }, body: graphql(REGISTER, { eventId }) }
          : { path: '/register', headers: json, body: JSON.stringify({ userId: member.id, eventId }) };
      },
      written: (i) => registrationWritten(ctx, eventId, ctx.members[i], `, (SELECT seats_taken FROM events WHERE id = r.event_id) > 0 AS seat_counted`),
      count: async () => Number((await ctx.client.query(`SELECT count(*) FROM event_registrations WHERE event_id = $1`, [eventId])).rows[0].count),
    };
  },
};

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;

const signUp: WriteScenario = {
  key: 'signUp',
  name: 'signUp (argon2id in both)',
  failed: (body) => !body.includes('"accessToken"'),
  async batch(ctx, label) {
    const email = (i: number) => `bench.signup.${label}.${i}@bench.example.org`;
    return {
      request: (target, i) => {
        const input = { email: email(i), password: SIGNUP_PASSWORD, fullName: `Signup ${label} ${i}` };
        return target === 'guildhall' ? { path: '/graphql', headers: json, body: graphql(SIGN_UP, { input }) } : { path: '/signUp', headers: json, body: JSON.stringify({ input }) };
      },
      async written(i) {
        const { rows: [row] } = await ctx.client.query(
          `SELECT u.id, u.email, u.full_name, u.role, u.staff_permissions, u.email_verified_at, left(u.password_hash, 31) AS hash_parameters,
                  (SELECT json_agg(json_build_object('purpose', t.purpose, 'email', t.email, 'days', round(extract(epoch FROM t.expires_at - t.created_at) / 86400), 'used', t.used_at, 'revoked', t.revoked_at))
                     FROM account_tokens t WHERE t.user_id = u.id) AS links,
                  (SELECT json_agg(json_build_object('revoked', s.revoked_at, 'refresh', (SELECT json_agg(round(extract(epoch FROM r.expires_at - r.created_at) / 86400)) FROM refresh_tokens r WHERE r.session_id = s.id)))
                     FROM sessions s WHERE s.user_id = u.id) AS sessions,
                  ${OUTBOX_OF('m.recipient_user_id = u.id')} AS mail
             FROM users u WHERE u.email = $1`,
          [email(i)],
        );
        return row ? masked(row, { user: row.id, email: row.email, name: row.full_name }) : 'nothing written';
      },
      count: async () => Number((await ctx.client.query(`SELECT count(*) FROM users WHERE email LIKE $1`, [`bench.signup.${label}.%`])).rows[0].count),
    };
  },
};

const webhook: WriteScenario = {
  key: 'webhook',
  name: 'Stripe webhook: a held seat paid',
  failed: (body) => !body.includes('"applied"'),
  async batch(ctx, label) {
    const price = 1500;
    const eventId = await createEvent(ctx, `Paid event ${label}`, price);
    // Every member holds a seat while paying, as registerForEvent leaves a paid seat (PENDING_PAYMENT, a Checkout Session).
    const { rows } = await ctx.client.query(
      `WITH held AS (
         INSERT INTO event_registrations (event_id, user_id, status, price_amount, price_currency, hold_expires_at, checkout_session_id, checkout_url, check_in_code)
         SELECT $1, m.id, 'PENDING_PAYMENT', $2, 'EUR', now() + interval '1 day', 'cs_' || $3 || '_' || m.n, 'https://checkout.stripe.test/c/' || $3 || '_' || m.n,
                upper(substr(md5($3 || '_' || m.n), 1, 10))
           FROM unnest($4::uuid[]) WITH ORDINALITY AS m(id, n)
         RETURNING id, user_id)
       SELECT held.id FROM held JOIN unnest($4::uuid[]) WITH ORDINALITY AS m(id, n) ON m.id = held.user_id ORDER BY m.n`,
      [eventId, price, label, ctx.members.map((m) => m.id)],
    );
    await ctx.client.query(`UPDATE events SET seats_taken = $2 WHERE id = $1`, [eventId, rows.length]);
    const created = Math.floor(Date.now() / 1000);
    return {
      request: (_target, i) => {
        const session = `cs_${label}_${i + 1}`;
        const payload = JSON.stringify({
          id: `evt_${label}_${i + 1}`, object: 'event', api_version: '2025-01-27.acacia', created, livemode: false, pending_webhooks: 1, type: 'checkout.session.completed',
          request: { id: null, idempotency_key: null },
          data: { object: {
            id: session, object: 'checkout.session', mode: 'payment', status: 'complete', payment_status: 'paid', amount_total: price, currency: 'eur', payment_intent: `pi_${label}_${i + 1}`,
            metadata: { purpose: 'EVENT', registrationId: rows[i].id, eventId, userId: ctx.members[i].id },
          } },
        });
        return { path: '/webhooks/stripe', headers: { ...json, 'stripe-signature': signWebhookPayload(payload, WEBHOOK_SECRET) }, body: payload };
      },
      written: (i) =>
        registrationWritten(ctx, eventId, ctx.members[i], `,
          (SELECT json_agg(json_build_object('type', e.type, 'object', e.object_id, 'source', e.source, 'outcome', e.outcome)) FROM stripe_events e WHERE e.object_id = r.checkout_session_id) AS claimed,
          (SELECT json_agg(json_build_object('status', p.status, 'amount', p.amount, 'currency', p.currency, 'intent', p.payment_intent_id, 'refund', p.refund_reason)) FROM event_payments p WHERE p.registration_id = r.id) AS seat_payment,
          (SELECT json_agg(json_build_object('purpose', p.purpose, 'provider', p.provider, 'method', p.method, 'amount', p.amount, 'currency', p.currency, 'status', p.status, 'description', p.description, 'intent', p.stripe_payment_intent_id, 'paid', p.paid_at IS NOT NULL))
             FROM payments p WHERE p.user_id = r.user_id AND p.stripe_payment_intent_id = replace(r.checkout_session_id, 'cs_', 'pi_')) AS ledger`)
          .then((text) => text.split(`_${label}_${i + 1}`).join('_<n>')),
      count: async () => Number((await ctx.client.query(`SELECT count(*) FROM event_payments WHERE event_id = $1`, [eventId])).rows[0].count),
    };
  },
};

const SCENARIOS: readonly WriteScenario[] = [register, signUp, webhook];

/** A database of their own for the writes, on DATABASE_URL's server: migrated and seeded (admin, tiers), or a template's copy. */
async function createWritesDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `guildhall_bench_writes_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const template = process.env.BENCH_WRITES_TEMPLATE;
  if (template && !/^[a-z0-9_]+$/.test(template)) throw new Error('BENCH_WRITES_TEMPLATE must be a plain database name');
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
  };
  try {
    const seed = fileURLToPath(new URL('../../scripts/seed/bench.js', import.meta.url));
    run(process.execPath, [seed, '--members', '1'], { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}

/** `count` members in good standing with a verified email, each with a session and an access token signed with `secret`. */
async function createMembers(client: pg.Client, count: number, secret: string): Promise<Member[]> {
  const { rows } = await client.query(
    `WITH person AS (
       INSERT INTO users (email, password_hash, full_name, email_verified_at)
       SELECT 'bench.writer.' || g || '@bench.example.org', 'not a hash: never logs in', 'Writer ' || g, now() FROM generate_series(1, $1::int) g
       RETURNING id, email),
     joined AS (
       INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end)
       SELECT id, (SELECT id FROM membership_tiers WHERE name = 'Professional'), 'ACTIVE', now() - interval '1 year', now() + interval '200 days' FROM person)
     INSERT INTO sessions (user_id) SELECT id FROM person RETURNING id, user_id`,
    [count],
  );
  const key = new TextEncoder().encode(secret);
  const issuedAt = Math.floor(Date.now() / 1000);
  return Promise.all(
    rows.map(async (row: { id: string; user_id: string }) => ({
      id: row.user_id,
      token: await new SignJWT({ role: 'USER', sid: row.id }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(row.user_id)
        .setIssuer('guildhall').setAudience('guildhall-api').setIssuedAt(issuedAt).setExpirationTime(issuedAt + 3 * 3600).sign(key),
    })),
  );
}

async function send(target: RunningTarget, request: SentRequest): Promise<string> {
  const response = await fetch(`${target.url}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target.target} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** One request of each write to each target, then the rows each wrote compared (Guildhall member 0, raw member 1, one batch). */
async function checkSameRows(ctx: WritesContext, scenario: WriteScenario, targets: Record<WriteTarget, RunningTarget>): Promise<void> {
  const batch = await scenario.batch(ctx, `check_${scenario.key}`.toLowerCase());
  for (const [i, target] of WRITE_TARGETS.entries()) {
    const body = await send(targets[target], batch.request(target, i));
    if (scenario.failed(body)) throw new Error(`${scenario.name}: ${target} answered ${body.slice(0, 500)}`);
  }
  const [fromGuildhall, fromRaw] = await Promise.all([batch.written(0), batch.written(1)]);
  if (fromGuildhall !== fromRaw) {
    let at = 0;
    while (fromGuildhall[at] === fromRaw[at]) at++;
    throw new Error(`${scenario.name}: the raw baseline wrote other rows than Guildhall at character ${at}:\n  Guildhall …${fromGuildhall.slice(Math.max(0, at - 150), at + 250)}\n  raw       …${fromRaw.slice(Math.max(0, at - 150), at + 250)}`);
  }
}

/** Statements per request (mean of 5 after one warm-up) through the counting proxy. */
async function countStatements(ctx: WritesContext, databaseUrl: string, scenarios: readonly WriteScenario[], connections: number, env: Record<string, string>) {
  const { proxy, url } = await StatementProxy.in(databaseUrl);
  const targets = await startWriteTargets(url, connections, env);
  const counts = new Map<WriteKey, Record<WriteTarget, { data: number; control: number }>>();
  try {
    ctx.api = targets.guildhall.url;
    ctx.adminToken = await logIn(ctx.api, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    for (const scenario of scenarios) {
      await checkSameRows(ctx, scenario, targets);
      const batch = await scenario.batch(ctx, `count_${scenario.key}`.toLowerCase());
      const row = {} as Record<WriteTarget, { data: number; control: number }>;
      for (const [t, target] of WRITE_TARGETS.entries()) {
        await send(targets[target], batch.request(target, t * 6));
        proxy.reset();
        for (let i = 1; i <= 5; i++) await send(targets[target], batch.request(target, t * 6 + i));
        const { data, control } = proxy.read();
        row[target] = { data: data / 5, control: control / 5 };
      }
      counts.set(scenario.key, row);
    }
    return counts;
  } finally {
    await stopTargets(targets);
    await proxy.close();
  }
}

/** CPU ms of one argon2id hash with Guildhall's parameters, measured in this process (its thread pool included). */
async function argon2CpuMs(samples = 20): Promise<number> {
  await hash('warm-up password', ARGON2);
  const before = process.cpuUsage();
  for (let i = 0; i < samples; i++) await hash(`${SIGNUP_PASSWORD} ${i}`, ARGON2);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / samples;
}

export async function runWrites(databaseUrl: string, keys: readonly WriteKey[]): Promise<void> {
  const duration = positiveInt('BENCH_DURATION', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 20);
  const rounds = positiveInt('BENCH_ROUNDS', 2);
  const memberCount = positiveInt('BENCH_WRITE_MEMBERS', 10_000);
  const scenarios = SCENARIOS.filter((s) => keys.includes(s.key));
  console.log(`bench:peers writes (${keys.join(', ')}): Guildhall and raw on Node ${nodeVersion(apiNode())}, ${connections} connections, ${duration} s per write and target (at most ${memberCount} requests), ${rounds} rounds`);
  console.log(`Load average at start (1/5/15 min): ${loadLine()}`);

  const database = await createWritesDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const secret = randomBytes(32).toString('base64url');
    const env = { JWT_SECRET: secret, STRIPE_SECRET_KEY: 'sk_test_bench_writes', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, PUBLIC_URL: 'https://guildhall.bench.example.org' };
    const members = await createMembers(client, memberCount, secret);
    console.log(`Writes database ${new URL(database.url).pathname.slice(1)}: ${members.length} members with access tokens.`);
    const ctx: WritesContext = { client, members, api: '', adminToken: '', startsAt: new Date(Math.ceil(Date.now() / DAY) * DAY + 30 * DAY) };

    console.log('Counting statements (through the counting proxy) and checking both targets write the same rows …');
    const counts = await countStatements(ctx, database.url, scenarios, connections, env);

    const results = new Map<WriteKey, Record<WriteTarget, Timing[]>>();
    const targets = await startWriteTargets(database.url, connections, env);
    try {
      ctx.api = targets.guildhall.url;
      for (let round = 0; round < rounds; round++) {
        const reversed = round % 2 === 1;
        console.log(`Round ${round + 1}${reversed ? ' (reversed)' : ''}:`);
        for (const scenario of reversed ? [...scenarios].reverse() : scenarios) {
          const row = results.get(scenario.key) ?? { guildhall: [], raw: [] };
          results.set(scenario.key, row);
          const line: string[] = [];
          for (const target of reversed ? [...WRITE_TARGETS].reverse() : WRITE_TARGETS) {
            const batch = await scenario.batch(ctx, `r${round + 1}_${target}`);
            let next = 0;
            const result = await time(targets[target], () => batch.request(target, next++), {
              duration, connections, maxRequests: members.length, failed: scenario.failed, completed: () => batch.count(),
            });
            if (result.non2xx || result.errors || result.timeouts || result.failed) {
              throw new Error(`${scenario.name} on ${target}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.failed} failed answers`);
            }
            const rows = await batch.count();
            if (rows < result.requests.total) throw new Error(`${scenario.name} on ${target}: ${result.requests.total} answers but ${rows} rows written`);
            row[target].push(result);
            line.push(`${target} ${fmt(result.requests.average)} req/s (${result.requests.total} requests)`);
          }
          console.log(`  ${scenario.name}: ${line.join(', ')}`);
        }
      }
    } finally {
      await stopTargets(targets);
    }

    const hashMs = keys.includes('signUp') ? await argon2CpuMs() : 0;
    printPerTarget(
      'write',
      scenarios.flatMap((s) => WRITE_TARGETS.map((target) => ({ name: s.name, target, runs: results.get(s.key)![target], statements: counts.get(s.key)![target] }))),
    );

    console.log('\nRatios Guildhall ÷ raw (req/s; and by the server\'s CPU per request, which other work on the machine disturbs less):');
    printTable(
      ['write', 'Guildhall', 'raw', 'G ÷ raw', 'by CPU: G ÷ raw', 'by CPU without argon2'],
      scenarios.map((scenario) => {
        const runs = results.get(scenario.key)!;
        const rps = (target: WriteTarget) => mean(runs[target].map((r) => r.requests.average));
        const cpu = (target: WriteTarget) => mean(runs[target].map((r) => r.cpuMsPerRequest ?? Number.NaN));
        const withoutHash = scenario.key === 'signUp' ? fmt((cpu('raw') - hashMs) / (cpu('guildhall') - hashMs), 2) : '';
        return [scenario.name, fmt(rps('guildhall')), fmt(rps('raw')), fmt(rps('guildhall') / rps('raw'), 2), fmt(cpu('raw') / cpu('guildhall'), 2), withoutHash];
      }),
    );
    if (hashMs) console.log(`argon2id alone (Guildhall's parameters, this process, after the timings): ${fmt(hashMs, 2)} CPU ms per hash, subtracted from both targets' CPU per signUp in the last column.`);
    console.log(`Load average at end (1/5/15 min): ${loadLine()}`);
  } finally {
    await client.end();
    if (process.env.BENCH_KEEP_WRITES_DB) console.log(`Kept ${database.url} (BENCH_KEEP_WRITES_DB)`);
    else await database.drop();
  }
}
