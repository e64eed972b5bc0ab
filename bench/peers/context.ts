import type pg from 'pg';
import { logIn } from '../graphql-client.js';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, BENCH_MEMBER_EMAIL, BENCH_MEMBER_PASSWORD } from '../../scripts/seed/bench.js';
import { BENCH_COHORT_NAME, BENCH_GROUP_NAME } from '../../scripts/seed/bench-activity.js';
import { type PeerContext, type TargetRequest } from './reads.js';

/** The bench member's and admin's access tokens for one Guildhall API. */
export type Tokens = Record<'member' | 'admin', string>;

/** The ids the bench reads use, from the seeded bench database (run.ts and bench/tools). */
export async function benchContext(client: pg.Client, eventRegistrationsField: boolean): Promise<PeerContext> {
  const from = new Date().toISOString();
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`no bench data for: ${sql}`);
    return rows[0].id as string;
  };
  const { rows: events } = await client.query(`SELECT id FROM bench_peers.events_from($1) LIMIT 20`, [from]);
  if (events.length < 20) throw new Error('fewer than 20 upcoming events: re-seed the bench database (drop it, then npm run seed:bench)');
  return {
    memberId: await one(`SELECT id FROM users WHERE email = $1`, [BENCH_MEMBER_EMAIL]),
    from,
    eventIds: events.map((e) => e.id as string),
    attendeesEventId: events[0].id,
    cohortId: await one(`SELECT id FROM mentoring_cohorts WHERE name = $1`, [BENCH_COHORT_NAME]),
    groupId: await one(`SELECT id FROM study_groups WHERE name = $1`, [BENCH_GROUP_NAME]),
    eventRegistrationsField,
    staffEvents: eventRegistrationsField ? 20 : 15,
  };
}

/** The headers of a read's request, with the token of the persona it runs as. */
export function headersFor(request: TargetRequest, tokens: Tokens): Record<string, string> {
  return { 'content-type': 'application/json', ...(request.as ? { authorization: `Bearer ${tokens[request.as]}` } : {}) };
}

export async function tokensFor(url: string): Promise<Tokens> {
  return { member: await logIn(url, BENCH_MEMBER_EMAIL, BENCH_MEMBER_PASSWORD), admin: await logIn(url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD) };
}
