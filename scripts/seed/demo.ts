/**
 * `npm run seed:demo`: a realistic small association in the database the app uses (DATABASE_URL, or
 * the embedded one): a demo admin, four tiers, ~300 members in every status with profiles.
 * Deterministic (seeded PRNG). Re-running is harmless: it stops when the demo admin exists.
 */
import 'reflect-metadata';
import { PasswordHasher } from '../../libs/accounts/src/index.js';
import { formatMoney } from '../../libs/core/src/money/format-money.js';
import { createRandom, type Random } from './prng.js';
import { argValue, openSeedDatabase, runMain } from './seed-database.js';
import { SEED_TIERS, ensureSeedTiers } from './tiers.js';
import { EMPLOYERS, FIRST_NAMES, LAST_NAMES, LOCATIONS, ROLES, SKILLS } from './vocabulary.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.guildhall.example.org';
export const DEMO_ADMIN_PASSWORD = 'demo admin password';
export const DEMO_MEMBER_PASSWORD = 'demo member password';

const DAY = 86_400_000;
const STATUS_WEIGHTS: Array<[string, number]> = [
  ['ACTIVE', 55],
  ['GRACE', 8],
  ['LAPSED', 12],
  ['CANCELLED', 6],
  ['PENDING_PAYMENT', 6],
  ['PENDING_APPROVAL', 8],
  ['DECLINED', 5],
];
const TIER_WEIGHTS: Array<[string, number]> = [
  ['Student', 25],
  ['Professional', 45],
  ['Fellow', 20],
  ['Lifetime', 10],
];

interface DemoMember {
  email: string;
  fullName: string;
  headline: string;
  bio: string;
  location: string;
  employer: string;
  skills: string[];
  directoryVisible: boolean;
  tier: string;
  status: string;
  startedAt: Date | null;
  currentPeriodEnd: Date | null;
  graceEndsAt: Date | null;
  cancelledAt: Date | null;
  declineReason: string | null;
  autoRenew: boolean;
}

function weighted(random: Random, weights: Array<[string, number]>): string {
  let roll = random.next() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1][0];
}

const ascii = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

export function demoMembers(count: number, seed: number, today: Date): DemoMember[] {
  const random = createRandom(seed);
  const members: DemoMember[] = [];
  const days = (n: number) => new Date(today.getTime() + n * DAY);
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const role = random.pick(ROLES);
    const employer = random.pick(EMPLOYERS);
    let tier = weighted(random, TIER_WEIGHTS);
    let status = weighted(random, STATUS_WEIGHTS);
    // Applications wait for (or were refused) approval only where a tier asks for it.
    if (status === 'PENDING_APPROVAL' || status === 'DECLINED') tier = 'Professional';
    if (tier === 'Lifetime' && !['ACTIVE', 'CANCELLED'].includes(status)) status = 'ACTIVE';
    const grace = SEED_TIERS.find((t) => t.name === tier)!.gracePeriodDays;
    const joined = days(-random.int(30, 9 * 365));
    let startedAt: Date | null = joined;
    let currentPeriodEnd: Date | null = null;
    let graceEndsAt: Date | null = null;
    let cancelledAt: Date | null = null;
    switch (status) {
      case 'ACTIVE':
        currentPeriodEnd = tier === 'Lifetime' ? null : days(random.int(1, 364));
        break;
      case 'GRACE':
        currentPeriodEnd = days(-random.int(1, grace - 1));
        graceEndsAt = new Date(currentPeriodEnd.getTime() + grace * DAY);
        break;
      case 'LAPSED':
        currentPeriodEnd = days(-random.int(grace + 1, 3 * 365));
        break;
      case 'CANCELLED':
        currentPeriodEnd = tier === 'Lifetime' ? null : days(-random.int(1, 2 * 365));
        cancelledAt = currentPeriodEnd ? new Date(currentPeriodEnd.getTime() - random.int(1, 200) * DAY) : days(-random.int(1, 300));
        break;
      default:
        startedAt = null;
    }
    if (startedAt && currentPeriodEnd && startedAt >= currentPeriodEnd) startedAt = new Date(currentPeriodEnd.getTime() - 365 * DAY);
    members.push({
      email: `${ascii(first)}.${ascii(last)}.${i + 1}@members.example.org`,
      fullName: `${first} ${last}`,
      headline: `${role} at ${employer}`,
      bio: `${first} works on ${random.sample(SKILLS, 2).join(' and ')} at ${employer}.`,
      location: random.pick(LOCATIONS),
      employer,
      skills: random.sample(SKILLS, random.int(2, 6)),
      directoryVisible: random.chance(0.85),
      tier,
      status,
      startedAt,
      currentPeriodEnd,
      graceEndsAt,
      cancelledAt,
      declineReason: status === 'DECLINED' ? 'Does not yet meet the professional experience requirement.' : null,
      autoRenew: status === 'ACTIVE' && tier !== 'Lifetime' && random.chance(0.6),
    });
  }
  return members;
}

async function main(): Promise<void> {
  const count = Number(argValue('members', '300'));
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error('--members must be a whole number from 1 to 10000');
  const db = await openSeedDatabase();
  try {
    console.log(`Seeding the demo association into ${db.description}`);
    const [existing] = await db.dataSource.query(`SELECT 1 AS found FROM users WHERE email = $1`, [DEMO_ADMIN_EMAIL]);
    if (existing) {
      console.log(`The demo admin ${DEMO_ADMIN_EMAIL} exists already: nothing to do.`);
      return;
    }
    const hasher = new PasswordHasher();
    const [adminHash, memberHash] = await Promise.all([hasher.hash(DEMO_ADMIN_PASSWORD), hasher.hash(DEMO_MEMBER_PASSWORD)]);
    const today = new Date(Math.floor(Date.now() / DAY) * DAY);
    const members = demoMembers(count, 20261128, today);

    await db.dataSource.transaction(async (manager) => {
      const tierIds = await ensureSeedTiers(manager);
      const [admin]: Array<{ id: string }> = await manager.query(
        `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, 'Demo Administrator', 'ADMIN') RETURNING id`,
        [DEMO_ADMIN_EMAIL, adminHash],
      );
      await manager.query(`UPDATE member_profiles SET headline = 'Membership secretary' WHERE user_id = $1`, [admin.id]);
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      const users: Array<{ id: string; email: string }> = await manager.query(
        `WITH r AS (
           SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bool[])
             AS r(email, full_name, headline, bio, location, employer, skills, visible)),
         accounts AS (
           INSERT INTO users (email, password_hash, full_name) SELECT r.email, $1, r.full_name FROM r
           ON CONFLICT (email) DO NOTHING
           RETURNING id, email),
         profiles AS (
           -- users' trigger then finds these rows and refreshes their search vector with the name.
           INSERT INTO member_profiles (user_id, headline, bio, location, employer, skills, directory_visible)
           SELECT a.id, r.headline, r.bio, r.location, r.employer, string_to_array(r.skills, ','), r.visible
             FROM accounts a JOIN r ON r.email = a.email)
         SELECT id, email FROM accounts`,
        [
          memberHash,
          members.map((m) => m.email),
          members.map((m) => m.fullName),
          members.map((m) => m.headline),
          members.map((m) => m.bio),
          members.map((m) => m.location),
          members.map((m) => m.employer),
          members.map((m) => m.skills.join(',')),
          members.map((m) => m.directoryVisible),
        ],
      );
      const created = new Set(users.map((u) => u.email));
      const fresh = members.filter((m) => created.has(m.email));
      await manager.query(
        `WITH memberships_added AS (
           INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end, grace_ends_at, cancelled_at,
                                    decline_reason, auto_renew)
           SELECT u.id, r.tier_id, r.status, r.started_at, r.current_period_end, r.grace_ends_at, r.cancelled_at, r.decline_reason, r.auto_renew
             FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
                         $8::text[], $9::bool[])
               AS r(email, tier_id, status, started_at, current_period_end, grace_ends_at, cancelled_at, decline_reason, auto_renew)
             JOIN users u ON u.email = r.email
           RETURNING id, status, started_at, current_period_end),
         periods AS (
           INSERT INTO membership_periods (membership_id, starts_at, ends_at, source, source_ref)
           SELECT id, CASE WHEN current_period_end IS NULL THEN started_at ELSE greatest(started_at, current_period_end - interval '1 year') END,
                  current_period_end, 'OFFLINE_PAYMENT', 'seed:' || id
             FROM memberships_added WHERE started_at IS NOT NULL)
         INSERT INTO membership_status_changes (membership_id, from_status, to_status, actor_id, reason)
         SELECT id, NULL, status, $10, 'seed' FROM memberships_added`,
        [
          fresh.map((m) => m.email),
          fresh.map((m) => tierIds.get(m.tier)!),
          fresh.map((m) => m.status),
          fresh.map((m) => iso(m.startedAt)),
          fresh.map((m) => iso(m.currentPeriodEnd)),
          fresh.map((m) => iso(m.graceEndsAt)),
          fresh.map((m) => iso(m.cancelledAt)),
          fresh.map((m) => m.declineReason),
          fresh.map((m) => m.autoRenew),
          admin.id,
        ],
      );
      await manager.query(
        `INSERT INTO audit_log (actor_id, action, target_type, after) VALUES (NULL, 'seed.demo', 'Membership', $1)`,
        [JSON.stringify({ members: fresh.length, tiers: SEED_TIERS.map((t) => t.name) })],
      );
    });

    const byStatus: Array<{ status: string; n: number }> = await db.dataSource.query(
      `SELECT status, count(*)::int AS n FROM memberships GROUP BY status ORDER BY n DESC`,
    );
    console.log(`Tiers: ${SEED_TIERS.map((t) => `${t.name} ${formatMoney(t.priceAmount, 'USD')}${t.billingInterval === 'YEAR' ? '/yr' : ' once'}${t.requiresApproval ? ' (approval)' : ''}`).join('; ')}`);
    console.log(`Members: ${members.length} (${byStatus.map((r) => `${r.status} ${r.n}`).join(', ')})`);
    console.log(`Admin:   ${DEMO_ADMIN_EMAIL} / ${DEMO_ADMIN_PASSWORD}`);
    console.log(`Members log in with their email and the password "${DEMO_MEMBER_PASSWORD}", e.g. ${members[0].email}`);
  } finally {
    await db.close();
  }
}

runMain(import.meta.url, main);
