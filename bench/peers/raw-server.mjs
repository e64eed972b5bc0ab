// The raw baseline for `npm run bench:peers`: node:http and pg, one hand-written statement per read
// that builds the answer's JSON in PostgreSQL, no authentication. POST /<read> with a JSON body of
// parameters answers {"data": …} in the shape the bench compares (see bench/peers/operations.ts).
//   DATABASE_URL=… PORT=… node raw-server.mjs
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, PORT } = process.env;
if (!DATABASE_URL || !PORT) throw new Error('DATABASE_URL and PORT are required');
// json arrives as text and is sent on as it is (no parse and re-serialise).
const JSON_OID = 114;
const types = { getTypeParser: (oid, format) => (oid === JSON_OID ? (text) => text : pg.types.getTypeParser(oid, format)) };
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20), application_name: 'bench-raw', types });

const GOOD_STANDING = `(m.status = 'ACTIVE' OR (m.status = 'GRACE' AND (m.grace_ends_at IS NULL OR m.grace_ends_at > now())))`;
const LISTED = `e.status IN ('PUBLISHED', 'CANCELLED', 'COMPLETED')`;
/** A person's current membership, else the latest, with its tier: LATERAL over users u. */
const MEMBERSHIP = `LEFT JOIN LATERAL (SELECT x.status, t.name AS tier, t.event_discount_percent AS discount FROM memberships x JOIN membership_tiers t ON t.id = x.tier_id
    WHERE x.user_id = u.id ORDER BY (x.status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE')) DESC, x.created_at DESC LIMIT 1) ms ON true`;

/** Each read: its statement and how the body's parameters become $1…$n. */
const READS = {
  me: [`SELECT json_build_object('id', id, 'email', email, 'fullName', full_name, 'role', role) FROM users WHERE id = $1`, (b) => [b.userId]],
  directory: [
    `SELECT coalesce(json_agg(json_build_object('id', id, 'fullName', full_name, 'headline', headline, 'location', location, 'employer', employer, 'skills', skills)), '[]')
       FROM (SELECT u.id, u.full_name, p.headline, p.location, p.employer, p.skills FROM users u JOIN member_profiles p ON p.user_id = u.id
               JOIN memberships m ON m.user_id = u.id AND ${GOOD_STANDING} WHERE p.directory_visible ORDER BY u.full_name, u.id LIMIT $1) x`,
    (b) => [b.first],
  ],
  eventsNested: [
    `SELECT coalesce(json_agg(json_build_object('id', e.id, 'title', e.title, 'sessions', s.list, 'registrations', r.list) ORDER BY e.starts_at, e.id), '[]')
       FROM (SELECT * FROM events e WHERE e.ends_at > $1 ORDER BY e.starts_at, e.id LIMIT $2) e
       CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title) ORDER BY s.starts_at, s.id), '[]') AS list FROM event_sessions s WHERE s.event_id = e.id) s
       CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('id', r.id, 'status', r.status, 'fullName', u.full_name, 'tier', ms.tier) ORDER BY r.created_at, r.id), '[]') AS list
                             FROM (SELECT * FROM event_registrations r WHERE r.event_id = e.id ORDER BY r.created_at, r.id LIMIT $3) r
                             JOIN users u ON u.id = r.user_id ${MEMBERSHIP}) r`,
    (b) => [b.from, b.first, b.registrations],
  ],
  eventsWithSessions: [
    `SELECT coalesce(json_agg(json_build_object('id', e.id, 'title', e.title, 'startsAt', e.starts_at, 'seatsRemaining', e.capacity - e.seats_taken, 'sessions', s.list) ORDER BY e.starts_at, e.id), '[]')
       FROM (SELECT * FROM events e WHERE ${LISTED} AND e.ends_at > $1 ORDER BY e.starts_at, e.id LIMIT $2) e
       CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'startsAt', s.starts_at, 'ceCredits', s.ce_credits) ORDER BY s.starts_at, s.id), '[]') AS list
                             FROM event_sessions s WHERE s.event_id = e.id) s`,
    (b) => [b.from, b.first],
  ],
  attendees: [
    `SELECT coalesce(json_agg(json_build_object('id', r.id, 'status', r.status, 'fullName', u.full_name, 'membershipStatus', ms.status, 'tier', ms.tier, 'discount', ms.discount) ORDER BY r.created_at, r.id), '[]')
       FROM (SELECT * FROM event_registrations r WHERE r.event_id = $1 ORDER BY r.created_at, r.id LIMIT $2) r JOIN users u ON u.id = r.user_id ${MEMBERSHIP}`,
    (b) => [b.eventId, b.first],
  ],
  myRegistrations: [
    `SELECT coalesce(json_agg(json_build_object('id', r.id, 'status', r.status, 'eventId', e.id, 'title', e.title, 'startsAt', e.starts_at) ORDER BY e.starts_at, r.id), '[]')
       FROM (SELECT r.*, e.starts_at FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 ORDER BY e.starts_at, r.id LIMIT $2) r
       JOIN events e ON e.id = r.event_id`,
    (b) => [b.userId, b.first],
  ],
  upcomingEvents: [
    `SELECT coalesce(json_agg(json_build_object('id', e.id, 'title', e.title, 'startsAt', e.starts_at, 'seatsRemaining', e.capacity - e.seats_taken, 'waitlistCount', e.waitlist_count,
              'memberPrice', json_build_object('amount', e.member_price_amount, 'currency', e.price_currency), 'sessions', s.list, 'myStatus', mine.status) ORDER BY e.starts_at, e.id), '[]')
       FROM (SELECT * FROM events e WHERE ${LISTED} AND e.ends_at > $1 ORDER BY e.starts_at, e.id LIMIT $2) e
       CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('title', s.title, 'ceCredits', s.ce_credits) ORDER BY s.starts_at, s.id), '[]') AS list FROM event_sessions s WHERE s.event_id = e.id) s
       LEFT JOIN LATERAL (SELECT r.status FROM event_registrations r WHERE r.event_id = e.id AND r.user_id = $3
                            ORDER BY (r.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED', 'WAITLISTED')) DESC, r.created_at DESC LIMIT 1) mine ON true`,
    (b) => [b.from, b.first, b.userId],
  ],
  cohortPairs: [
    `SELECT coalesce(json_agg(json_build_object('id', p.id, 'status', p.status, 'mentor', mentor.full_name, 'mentee', mentee.full_name, 'checkIns', c.list) ORDER BY p.created_at, p.id), '[]')
       FROM mentoring_pairs p JOIN users mentor ON mentor.id = p.mentor_user_id JOIN users mentee ON mentee.id = p.mentee_user_id
       CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object('id', c.id, 'happenedAt', c.happened_at, 'durationMinutes', c.duration_minutes) ORDER BY c.happened_at DESC, c.id), '[]') AS list
                             FROM mentoring_check_ins c WHERE c.pair_id = p.id) c
      WHERE p.cohort_id = $1`,
    (b) => [b.cohortId],
  ],
  studyGroup: [
    `SELECT json_build_object('id', g.id, 'name', g.name,
              'members', (SELECT coalesce(json_agg(json_build_object('role', m.role, 'fullName', u.full_name) ORDER BY m.joined_at, m.user_id), '[]')
                            FROM study_group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = g.id AND m.status = 'ACTIVE'),
              'meetings', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'startsAt', x.starts_at, 'endsAt', x.ends_at) ORDER BY x.starts_at, x.id), '[]')
                             FROM (SELECT * FROM group_meetings x WHERE x.group_id = g.id AND x.status = 'SCHEDULED' AND x.ends_at > now() ORDER BY x.starts_at, x.id LIMIT $2) x))
       FROM study_groups g WHERE g.id = $1`,
    (b) => [b.groupId, b.count],
  ],
};

// Writes (POST /register, /signUp, /webhooks/stripe) only when asked for: see raw-writes.mjs.
const writes = process.env.RAW_WRITES ? await import('./raw-writes.mjs') : null;
const WRITES = writes ? writes.writeRoutes(pool, process.env) : {};

function answerWrite(route, body, req, res) {
  route(body, req.headers).then(
    ({ status, body: out }) => res.writeHead(status, { 'content-type': 'application/json' }).end(out),
    (error) => {
      const refused = writes.refusal(error);
      if (refused && req.url === '/webhooks/stripe') res.writeHead(400).end(refused.body);
      else if (refused) res.writeHead(refused.status, { 'content-type': 'application/json' }).end(refused.body);
      else {
        console.error(error.message);
        res.writeHead(500).end();
      }
    },
  );
}

const server = createServer((req, res) => {
  const read = READS[req.url.slice(1)];
  const write = WRITES[req.url];
  if (req.method !== 'POST' || (!read && !write)) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (write) {
      answerWrite(write, Buffer.concat(chunks).toString(), req, res);
      return;
    }
    let params;
    try {
      params = read[1](JSON.parse(Buffer.concat(chunks).toString() || '{}'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    pool.query({ text: read[0], values: params, rowMode: 'array' }).then(
      ({ rows }) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":${rows[0]?.[0] ?? 'null'}}`);
      },
      (error) => {
        console.error(error.message);
        res.writeHead(500).end();
      },
    );
  });
});
server.listen(Number(PORT), '127.0.0.1', () => console.log(`raw ready on ${PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
