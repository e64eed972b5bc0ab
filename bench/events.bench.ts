/**
 * Events benchmark (real PostgreSQL; a fresh database from the test template, so it needs the local
 * server the tests use): statements per request and latency for
 *   - the upcoming-events list (20 events with seats remaining, their sessions, your registration),
 *   - one event's attendees (50 registrations with their people, memberships and tiers; admin),
 *   - registerForEvent on a hot event (one HTTP request counted; throughput of 1,000 concurrent
 *     registrations for 100 seats through the service on 20 connections).
 * `runEventsBench()` is called by bench/run.ts; `node dist-bench/bench/events.bench.js` runs it alone.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { RegistrationsService } from '../libs/events/src/index.js';
import { createEvent, insertPeople } from '../test/factories/events.js';
import { createTier } from '../test/factories/tiers.js';
import { createAdminUser, signUpUser } from '../test/factories/users.js';
import { countQueries, dataStatements } from '../test/utils/count-queries.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';
import { printTable } from './table.js';

const UPCOMING = `query { events(first: 20, from: "2000-01-01T00:00:00Z") { edges { node { id title startsAt seatsRemaining waitlistCount memberPrice { amount currency } sessions { title ceCredits } myRegistration { status } onlineUrl } } } }`;
const ATTENDEES = `query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 50) { edges { node { id status price { amount } creditsEarned user { fullName membership { status tier { name eventDiscountPercent } } } } } } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status waitlistPosition } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(t: TestApp, query: string, variables: Record<string, unknown>, token: string, runs: number): Promise<{ mean: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await t.gql(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((s, v) => s + v, 0) / times.length, p95: percentile(times, 95) };
}

export async function runEventsBench(): Promise<void> {
  const t = await startTestApp({ DB_POOL_SIZE: '20' });
  try {
    const admin = await createAdminUser(t);
    const member = await signUpUser(t);
    const tierId = await createTier(t, admin, { eventDiscountPercent: 20 });
    for (let i = 0; i < 20; i++) await createEvent(t, admin, { title: `Upcoming ${i}`, capacity: 100 });
    const attendeesEvent = await createEvent(t, admin, { capacity: 60 });
    const people = await insertPeople(t, 50, 'bench');
    await t.sql(`INSERT INTO memberships (user_id, tier_id, status, started_at) SELECT unnest($1::uuid[]), $2, 'ACTIVE', now()`, [people.slice(0, 25).map((p) => p.id), tierId]);
    const service = t.app.get(RegistrationsService);
    for (const person of people) await service.register(person, attendeesEvent);

    const rows: Array<Array<string | number>> = [];
    const upcoming = await countQueries(() => t.gql(UPCOMING, {}, member.accessToken), dataStatements);
    const upcomingTime = await latency(t, UPCOMING, {}, member.accessToken, 100);
    rows.push(['events(first: 20) + sessions, myRegistration, onlineUrl', upcoming.count, upcomingTime.mean.toFixed(1), upcomingTime.p95.toFixed(1)]);
    const attendees = await countQueries(() => t.gql(ATTENDEES, { eventId: attendeesEvent }, admin.accessToken), dataStatements);
    const attendeesTime = await latency(t, ATTENDEES, { eventId: attendeesEvent }, admin.accessToken, 100);
    rows.push(['eventRegistrations(first: 50) + user, membership, tier', attendees.count, attendeesTime.mean.toFixed(1), attendeesTime.p95.toFixed(1)]);
    const hot = await createEvent(t, admin, { capacity: 100 });
    const register = await countQueries(() => t.gql(REGISTER, { eventId: hot }, member.accessToken), dataStatements);
    rows.push(['registerForEvent (free seat, one request)', register.count, '', '']);

    const crowd = await insertPeople(t, 1000, 'crowd');
    const started = performance.now();
    const outcomes = await Promise.allSettled(crowd.map((person) => service.register(person, hot)));
    const seconds = (performance.now() - started) / 1000;
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    const [state] = await t.sql(`SELECT seats_taken, waitlist_count FROM events WHERE id = $1`, [hot]);
    rows.push([`1,000 concurrent registerForEvent, 100 seats, 20 connections: ${(1000 / seconds).toFixed(0)} reg/s, ${failed} errors, ${state.seats_taken} seats / ${state.waitlist_count} waitlisted`, '', (seconds * 1000).toFixed(0), '']);
    printTable(['events scenario', 'SQL statements', 'mean ms', 'p95 ms'], rows);
  } finally {
    await t.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runEventsBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
