/**
 * The activity the read benchmarks need on top of the bench members (`npm run seed:bench` adds it after them,
 * once: it is keyed by the events' titles): 40 published events a day apart with 3 sessions and 60
 * confirmed registrations each (the known member holds one in each of the first 25), a mentoring
 * cohort with 20 pairs and 3 check-ins per pair, and a weekly study group of 30 active members
 * starting next week. Set-based SQL, one statement per table.
 */
import { type EntityManager } from 'typeorm';

export const BENCH_EVENT_TITLE = 'Bench event';
export const BENCH_COHORT_NAME = 'Bench cohort';
export const BENCH_GROUP_NAME = 'Bench study group';

const EVENTS = 40;
const REGISTRATIONS_PER_EVENT = 60;
const PAIRS = 20;
const GROUP_MEMBERS = 30;

/** Bench member n's id (see BATCH_SQL in bench.ts) as a SQL expression. */
const member = (n: string) => `(SELECT id FROM users WHERE email = 'bench.member.' || (${n}) || '@bench.example.org')`;

export async function seedBenchActivity(manager: EntityManager, knownMemberEmail: string): Promise<boolean> {
  const [done] = await manager.query(`SELECT 1 FROM events WHERE title LIKE $1 LIMIT 1`, [`${BENCH_EVENT_TITLE} %`]);
  if (done) return false;
  const [{ id: known }] = await manager.query(`SELECT id FROM users WHERE email = $1`, [knownMemberEmail]);

  await manager.query(
    `INSERT INTO events (title, description, kind, format, status, starts_at, ends_at, timezone, venue, online_url, capacity,
                         member_price_amount, non_member_price_amount, price_currency, seats_taken, published_at)
     SELECT $1 || ' ' || lpad(g::text, 2, '0'), 'A bench event', 'MEETUP', 'HYBRID', 'PUBLISHED',
            date_trunc('hour', now()) + make_interval(days => g), date_trunc('hour', now()) + make_interval(days => g, hours => 3),
            'Europe/Berlin', 'Hall ' || g, 'https://meet.example.org/bench-' || g, 500, 2000, 4000, 'EUR', 0, now()
       FROM generate_series(1, $2::int) g`,
    [BENCH_EVENT_TITLE, EVENTS],
  );
  await manager.query(
    `INSERT INTO event_sessions (event_id, title, starts_at, ends_at, ce_credits, ce_category)
     SELECT e.id, 'Session ' || s, e.starts_at + make_interval(hours => s - 1), e.starts_at + make_interval(hours => s), 1, 'General'
       FROM events e CROSS JOIN generate_series(1, 3) s WHERE e.title LIKE $1`,
    [`${BENCH_EVENT_TITLE} %`],
  );
  // Registrations in a fixed order per event (created_at one second apart), from distinct members per event.
  await manager.query(
    `WITH e AS (SELECT id, row_number() OVER (ORDER BY starts_at) AS n FROM events WHERE title LIKE $1),
     people AS (
       SELECT e.id AS event_id, e.n, k, ${member(`(e.n - 1) * $2 + k`)} AS user_id FROM e CROSS JOIN generate_series(1, $2::int) k
       UNION ALL
       SELECT e.id, e.n, 0, $3::uuid FROM e WHERE e.n <= 25)
     INSERT INTO event_registrations (event_id, user_id, status, price_amount, price_currency, check_in_code, confirmed_at, created_at)
     SELECT event_id, user_id, 'CONFIRMED', 2000, 'EUR', 'bench-' || md5(event_id::text || user_id::text),
            now() - interval '10 days' + make_interval(secs => k), now() - interval '10 days' + make_interval(secs => k)
       FROM people`,
    [`${BENCH_EVENT_TITLE} %`, REGISTRATIONS_PER_EVENT, known],
  );
  await manager.query(
    `UPDATE events e SET seats_taken = (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id) WHERE e.title LIKE $1`,
    [`${BENCH_EVENT_TITLE} %`],
  );

  const [{ id: program }] = await manager.query(
    `INSERT INTO mentoring_programs (name, description, ce_credits_per_hour) VALUES ('Bench mentoring', 'For the read benchmarks', 1) RETURNING id`,
  );
  const [{ id: cohort }] = await manager.query(
    `INSERT INTO mentoring_cohorts (program_id, name, status, starts_at, ends_at, weight_topics, weight_goals, weight_experience_gap,
                                    weight_timezone, weight_format, forbid_same_employer, min_experience_gap_years, allow_repeat_pairs, published_at)
     VALUES ($1, $2, 'ACTIVE', now() - interval '30 days', now() + interval '150 days', 5, 5, 5, 5, 5, false, 0, false, now() - interval '30 days')
     RETURNING id`,
    [program, BENCH_COHORT_NAME],
  );
  // Mentors are bench members 3001.., mentees 3101.. (events use 1..2400, the study group 3201..3230); one application each.
  await manager.query(
    `INSERT INTO mentoring_applications (cohort_id, user_id, role, topics, years_of_experience, timezone, preferred_format, capacity, status)
     SELECT $1, ${member(`CASE WHEN r = 'MENTOR' THEN 3000 ELSE 3100 END + g`)}, r, '{python}', CASE WHEN r = 'MENTOR' THEN 15 ELSE 2 END,
            'Europe/Berlin', 'EITHER', 1, 'APPROVED'
       FROM generate_series(1, $2::int) g CROSS JOIN (VALUES ('MENTOR'), ('MENTEE')) AS roles(r)`,
    [cohort, PAIRS],
  );
  await manager.query(
    `WITH a AS (SELECT id, user_id, role, row_number() OVER (PARTITION BY role ORDER BY user_id) AS n FROM mentoring_applications WHERE cohort_id = $1)
     INSERT INTO mentoring_pairs (cohort_id, mentor_application_id, mentor_capacity, mentor_slot, mentee_application_id, mentor_user_id, mentee_user_id,
                                  score, breakdown, started_at, last_check_in_at, created_at)
     SELECT $1, m.id, 1, 1, e.id, m.user_id, e.user_id, 0.5, '{}', now() - interval '30 days', now() - interval '1 day', now() - interval '30 days' + make_interval(secs => m.n::int)
       FROM a m JOIN a e ON e.role = 'MENTEE' AND e.n = m.n WHERE m.role = 'MENTOR'`,
    [cohort],
  );
  await manager.query(
    `INSERT INTO mentoring_check_ins (pair_id, logged_by_id, happened_at, duration_minutes, notes)
     SELECT p.id, p.mentee_user_id, now() - make_interval(days => 7 * c), 45, 'Check-in ' || c
       FROM mentoring_pairs p CROSS JOIN generate_series(1, 3) c WHERE p.cohort_id = $1`,
    [cohort],
  );

  const [{ id: group }] = await manager.query(
    `INSERT INTO study_groups (name, topic, description, visibility, status, cadence, weekday, local_time, timezone, duration_minutes, starts_on)
     VALUES ($1, 'postgres', 'For the read benchmarks', 'OPEN', 'ACTIVE', 'WEEKLY', 3, '18:00', 'Europe/Berlin', 60, current_date + 7)
     RETURNING id`,
    [BENCH_GROUP_NAME],
  );
  await manager.query(
    `INSERT INTO study_group_members (group_id, user_id, role, status, requested_at, joined_at)
     SELECT $1, ${member('3200 + g')}, CASE WHEN g = 1 THEN 'FACILITATOR' ELSE 'MEMBER' END, 'ACTIVE',
            now() - make_interval(days => 60 - g), now() - make_interval(days => 60 - g)
       FROM generate_series(1, $2::int) g`,
    [group, GROUP_MEMBERS],
  );
  await manager.query(`ANALYZE events; ANALYZE event_sessions; ANALYZE event_registrations; ANALYZE mentoring_pairs; ANALYZE mentoring_check_ins; ANALYZE study_group_members`);
  return true;
}
