/** The bench:peers reads and log-ins for the tools here, from a built dist-bench (`npm run build:bench`). */
import pg from 'pg';

/**
 * The reads bench:peers times, with the ids of the bench database at `url` (the same context bench/peers/run.ts
 * builds), and the bench member's and admin's tokens for an API at `apiUrl` once it answers (`logIn`).
 */
export async function benchReads(dist, url) {
  const { peerReads } = await import(`${dist}/bench/peers/reads.js`);
  const { logIn } = await import(`${dist}/bench/graphql-client.js`);
  const seed = await import(`${dist}/scripts/seed/bench.js`);
  const activity = await import(`${dist}/scripts/seed/bench-activity.js`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql, params) => (await client.query(sql, params)).rows[0].id;
    const from = new Date().toISOString();
    const { rows: events } = await client.query(`SELECT id FROM bench_peers.events_from($1) LIMIT 20`, [from]);
    const ctx = {
      memberId: await one(`SELECT id FROM users WHERE email = $1`, [seed.BENCH_MEMBER_EMAIL]),
      from,
      eventIds: events.map((e) => e.id),
      attendeesEventId: events[0].id,
      cohortId: await one(`SELECT id FROM mentoring_cohorts WHERE name = $1`, [activity.BENCH_COHORT_NAME]),
      groupId: await one(`SELECT id FROM study_groups WHERE name = $1`, [activity.BENCH_GROUP_NAME]),
      eventRegistrationsField: true,
      staffEvents: 20,
    };
    const tokens = async (apiUrl) => ({
      member: await logIn(apiUrl, seed.BENCH_MEMBER_EMAIL, seed.BENCH_MEMBER_PASSWORD),
      admin: await logIn(apiUrl, seed.BENCH_ADMIN_EMAIL, seed.BENCH_ADMIN_PASSWORD),
    });
    return { reads: peerReads(ctx), tokens };
  } finally {
    await client.end();
  }
}

/** The headers of a read's request for Guildhall, with the token of the persona it runs as. */
export function headersFor(request, tokens) {
  return { 'content-type': 'application/json', ...(request.as ? { authorization: `Bearer ${tokens[request.as]}` } : {}) };
}
