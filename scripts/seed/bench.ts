/**
 * `npm run seed:bench -- --members 100000`: the large data set the benchmarks run on, written with
 * set-based SQL (generate_series batches, one statement per batch). About 70% of members are in good
 * standing; names, skills, employers and locations come from the shared vocabulary so directory
 * searches find matches. Also a known admin and a known member (printed at the end) for the bench
 * to log in as. Re-running adds only what is missing (people are keyed by their email).
 */
import 'reflect-metadata';
import { PasswordHasher } from '../../libs/accounts/src/index.js';
import { seedBenchActivity } from './bench-activity.js';
import { argValue, openSeedDatabase, runMain } from './seed-database.js';
import { ensureSeedTiers } from './tiers.js';
import { EMPLOYERS, FIRST_NAMES, LAST_NAMES, LOCATIONS, ROLES, SKILLS } from './vocabulary.js';

export const BENCH_ADMIN_EMAIL = 'bench-admin@bench.example.org';
export const BENCH_ADMIN_PASSWORD = 'bench admin password';
export const BENCH_MEMBER_EMAIL = 'bench-member@bench.example.org';
/** Every bench member shares this password (one argon2 hash for all keeps seeding fast). */
export const BENCH_MEMBER_PASSWORD = 'bench member password';
export const benchMemberEmail = (n: number) => `bench.member.${n}@bench.example.org`;

const BATCH = 20_000;

/**
 * A deterministic pseudo-random integer in [0, n) for row `g`, one independent stream per `salt`
 * (hashint8extended is PostgreSQL's own 64-bit hash).
 */
const roll = (salt: number, n: string | number) => `(((hashint8extended(g::bigint, ${salt}) % (${n})) + (${n})) % (${n}))::int`;
const pick = (salt: number, param: string) => `(${param}::text[])[1 + ${roll(salt, `array_length(${param}::text[], 1)`)}]`;

/** One batch of people: accounts, their membership, a paid period where one began, and the status history. */
const BATCH_SQL = `
WITH src AS (
  SELECT g,
         'bench.member.' || g || '@bench.example.org' AS email,
         ${pick(1, '$4')} || ' ' || ${pick(2, '$5')} AS full_name,
         ${pick(3, '$6')} AS role, ${pick(4, '$7')} AS employer, ${pick(5, '$8')} AS location,
         ARRAY(SELECT DISTINCT s FROM unnest((ARRAY[${pick(11, '$9')}, ${pick(12, '$9')}, ${pick(13, '$9')}, ${pick(14, '$9')}, ${pick(15, '$9')}])[1:2 + ${roll(16, 4)}]) s) AS skills,
         ${roll(20, 100)} < 85 AS visible,
         ${roll(21, 100)} AS tier_roll,
         ${roll(22, 100)} AS status_roll,
         ${roll(23, 2500)} AS joined_days, -- joined at least 800 days ago: before any period end below
         ${roll(24, 700)} AS period_days
    FROM generate_series($1::int, $2::int) g
),
plan AS (
  SELECT src.*,
         CASE WHEN tier_roll < 25 THEN 'Student' WHEN tier_roll < 70 THEN 'Professional' WHEN tier_roll < 90 THEN 'Fellow' ELSE 'Lifetime' END AS tier,
         CASE WHEN tier_roll >= 90 THEN 'ACTIVE'
              WHEN status_roll < 62 THEN 'ACTIVE' WHEN status_roll < 70 THEN 'GRACE' WHEN status_roll < 80 THEN 'LAPSED'
              WHEN status_roll < 88 THEN 'CANCELLED' WHEN status_roll < 94 THEN 'PENDING_PAYMENT' WHEN status_roll < 98 THEN 'PENDING_APPROVAL'
              ELSE 'DECLINED' END AS status
    FROM src
),
dated AS (
  SELECT plan.*,
         CASE WHEN status IN ('PENDING_PAYMENT', 'PENDING_APPROVAL', 'DECLINED') THEN NULL
              ELSE date_trunc('day', now()) - make_interval(days => 800 + joined_days) END AS started_at,
         CASE WHEN tier = 'Lifetime' OR status IN ('PENDING_PAYMENT', 'PENDING_APPROVAL', 'DECLINED') THEN NULL
              WHEN status = 'ACTIVE' THEN date_trunc('day', now()) + make_interval(days => 1 + period_days % 364)
              WHEN status = 'GRACE' THEN date_trunc('day', now()) - make_interval(days => 1 + period_days % 29)
              WHEN status = 'LAPSED' THEN date_trunc('day', now()) - make_interval(days => 31 + period_days)
              ELSE date_trunc('day', now()) - make_interval(days => 1 + period_days % 365) END AS current_period_end
    FROM plan
),
accounts AS (
  INSERT INTO users (email, password_hash, full_name)
  SELECT email, $3, full_name FROM dated ORDER BY g
  ON CONFLICT (email) DO NOTHING
  RETURNING id, email
),
profiles AS (
  -- users' trigger then finds these rows and refreshes their search vector with the name.
  INSERT INTO member_profiles (user_id, headline, location, employer, skills, directory_visible)
  SELECT a.id, d.role || ' at ' || d.employer, d.location, d.employer, d.skills, d.visible
    FROM accounts a JOIN dated d ON d.email = a.email
),
added AS (
  INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end, grace_ends_at, auto_renew)
  SELECT a.id, t.id, d.status, d.started_at, d.current_period_end,
         CASE WHEN d.status = 'GRACE' THEN d.current_period_end + make_interval(days => t.grace_period_days) END,
         d.status = 'ACTIVE' AND d.tier <> 'Lifetime'
    FROM accounts a JOIN dated d ON d.email = a.email JOIN membership_tiers t ON t.name = d.tier
  RETURNING id, status, started_at, current_period_end
),
periods AS (
  INSERT INTO membership_periods (membership_id, starts_at, ends_at, source, source_ref)
  SELECT id, CASE WHEN current_period_end IS NULL THEN started_at ELSE current_period_end - interval '1 year' END,
         current_period_end, 'OFFLINE_PAYMENT', 'seed:' || id
    FROM added WHERE started_at IS NOT NULL
)
INSERT INTO membership_status_changes (membership_id, from_status, to_status, reason)
SELECT id, NULL, status, 'seed' FROM added`;

async function main(): Promise<void> {
  const members = Number(argValue('members', '100000'));
  if (!Number.isInteger(members) || members < 1 || members > 5_000_000) throw new Error('--members must be a whole number from 1 to 5000000');
  const db = await openSeedDatabase();
  try {
    console.log(`Seeding ${members} bench members into ${db.description}`);
    const started = Date.now();
    const hasher = new PasswordHasher();
    const [adminHash, memberHash] = await Promise.all([hasher.hash(BENCH_ADMIN_PASSWORD), hasher.hash(BENCH_MEMBER_PASSWORD)]);
    const tierIds = await ensureSeedTiers(db.dataSource.manager);

    await db.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, 'Bench Administrator', 'ADMIN') ON CONFLICT (email) DO NOTHING`,
        [BENCH_ADMIN_EMAIL, adminHash],
      );
      const [known]: Array<{ id: string }> = await manager.query(
        `INSERT INTO users (email, password_hash, full_name) VALUES ($1, $2, 'Bench Member') ON CONFLICT (email) DO NOTHING RETURNING id`,
        [BENCH_MEMBER_EMAIL, memberHash],
      );
      if (known) {
        await manager.query(
          `INSERT INTO member_profiles (user_id, headline, location, skills, directory_visible)
           VALUES ($1, 'Backend engineer at Fjord Software', 'Berlin', '{python,postgres,typescript}', true)
           ON CONFLICT (user_id) DO UPDATE SET headline = EXCLUDED.headline, location = EXCLUDED.location,
             skills = EXCLUDED.skills, directory_visible = EXCLUDED.directory_visible`,
          [known.id],
        );
        await manager.query(
          `INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end)
           VALUES ($1, $2, 'ACTIVE', date_trunc('day', now()) - interval '2 years', date_trunc('day', now()) + interval '200 days')`,
          [known.id, tierIds.get('Professional')],
        );
      }
    });

    const vocabulary = [FIRST_NAMES, LAST_NAMES, ROLES, EMPLOYERS, LOCATIONS, SKILLS].map((words) => [...words]);
    for (let from = 1; from <= members; from += BATCH) {
      const to = Math.min(members, from + BATCH - 1);
      const batchStarted = Date.now();
      await db.dataSource.transaction((manager) => manager.query(BATCH_SQL, [from, to, memberHash, ...vocabulary]));
      console.log(`  members ${from}–${to}: ${((Date.now() - batchStarted) / 1000).toFixed(1)} s`);
    }
    await db.dataSource.query(`ANALYZE users; ANALYZE member_profiles; ANALYZE memberships; ANALYZE membership_periods; ANALYZE membership_status_changes`);
    // As autovacuum would on a live server (it may be off where the bench runs): the visibility map lets the members-by-status
    // report count status changes from its index alone. Its own statement: VACUUM refuses to run in a multi-statement query.
    await db.dataSource.query(`VACUUM membership_status_changes`);
    if (members >= 3_230) {
      if (await db.dataSource.transaction((manager) => seedBenchActivity(manager, BENCH_MEMBER_EMAIL))) console.log('Added the events, mentoring cohort and study group the read benchmarks use.');
    } else {
      console.log('Fewer than 3,230 members: no events, cohort or study group for the read benchmarks (they draw on members 1 to 3,230).');
    }

    const [counts] = await db.dataSource.query(
      `SELECT count(*)::int AS people,
              count(*) FILTER (WHERE m.status IN ('ACTIVE', 'GRACE'))::int AS good_standing,
              count(*) FILTER (WHERE m.status IN ('ACTIVE', 'GRACE') AND p.directory_visible)::int AS listed
         FROM users u JOIN member_profiles p ON p.user_id = u.id JOIN memberships m ON m.user_id = u.id AND m.status IN ('ACTIVE', 'GRACE', 'LAPSED', 'CANCELLED', 'PENDING_PAYMENT', 'PENDING_APPROVAL', 'DECLINED')
        WHERE u.email LIKE '%@bench.example.org'`,
    );
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.people} bench people with a membership, ` +
        `${counts.good_standing} in good standing (${((counts.good_standing / counts.people) * 100).toFixed(0)}%), ${counts.listed} listed in the directory.`,
    );
    console.log(`Admin:  ${BENCH_ADMIN_EMAIL} / ${BENCH_ADMIN_PASSWORD}`);
    console.log(`Member: ${BENCH_MEMBER_EMAIL} / ${BENCH_MEMBER_PASSWORD} (every bench.member.N@bench.example.org shares it)`);
  } finally {
    await db.close();
  }
}

runMain(import.meta.url, main);
