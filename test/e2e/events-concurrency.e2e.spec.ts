import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppError, type Viewer } from '../../libs/core/src/index.js';
import { RegistrationsService } from '../../libs/events/src/index.js';
import { createEvent, insertPeople, seatState } from '../factories/events.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const REPETITIONS = 20;

/** Real PostgreSQL, 20 pooled connections, everyone at once: the event row lock is all that stands between them. */
describe('events under concurrency (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestUser;
  let registrations: RegistrationsService;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    admin = await createAdminUser(t);
    registrations = t.app.get(RegistrationsService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const statusOf = async (eventId: string) =>
    t.sql<{ user_id: string; status: string; position: number | null }>(
      `SELECT user_id, status, CASE WHEN status = 'WAITLISTED' THEN row_number() OVER (PARTITION BY status ORDER BY waitlist_seq) END::int AS position
         FROM event_registrations WHERE event_id = $1`,
      [eventId],
    );

  it(`200 people registering at once for 50 seats, ${REPETITIONS} times: exactly 50 seats, 150 waitlisted 1..150, no errors`, async () => {
    for (let round = 0; round < REPETITIONS; round++) {
      const eventId = await createEvent(t, admin, { capacity: 50, title: `Hot event ${round}` });
      const people = await insertPeople(t, 200, `hot${round}`);
      const outcomes = await Promise.allSettled(people.map((person) => registrations.register(person, eventId)));
      const failures = outcomes.filter((o) => o.status === 'rejected');
      expect(failures).toEqual([]);
      const rows = await statusOf(eventId);
      expect(rows.filter((r) => r.status === 'CONFIRMED')).toHaveLength(50);
      const waitlisted = rows.filter((r) => r.status === 'WAITLISTED');
      expect(waitlisted.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.user_id)).size).toBe(200);
      expect(await seatState(t, eventId)).toEqual({ seatsTaken: 50, waitlistCount: 150, seats: 50, waitlisted: 150 });
    }
  }, 120_000);

  it('the same person registering 10 times at once gets one registration (the rest: ALREADY_REGISTERED)', async () => {
    const eventId = await createEvent(t, admin, { capacity: 5 });
    const [person] = await insertPeople(t, 1, 'eager');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => registrations.register(person, eventId)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const reasons = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as AppError).options.reason);
    expect(reasons).toEqual(Array(9).fill('ALREADY_REGISTERED'));
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1`, [eventId])).toEqual([{ n: 1 }]);
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 1, waitlistCount: 0, seats: 1, waitlisted: 0 });
  });

  it('10 cancellations while 10 newcomers register: the first 10 waitlisted are promoted in order, nobody twice', async () => {
    const eventId = await createEvent(t, admin, { capacity: 50 });
    const seated = await insertPeople(t, 50, 'seated');
    for (const person of seated) await registrations.register(person, eventId);
    const queued = await insertPeople(t, 20, 'queued');
    const queuedRegs = [];
    for (const person of queued) queuedRegs.push(await registrations.register(person, eventId));
    const seatedRegs = await t.sql<{ id: string; user_id: string }>(`SELECT id, user_id FROM event_registrations WHERE event_id = $1 AND status = 'CONFIRMED'`, [eventId]);
    const leaving = seatedRegs.slice(0, 10);
    const newcomers = await insertPeople(t, 10, 'newcomer');
    const viewerOf = (userId: string): Viewer => ({ id: userId, role: seated[0].role, sessionId: 'test' });

    const outcomes = await Promise.allSettled([
      ...leaving.map((r) => registrations.cancel({ actor: viewerOf(r.user_id), requestId: 'test' }, r.id)),
      ...newcomers.map((person) => registrations.register(person, eventId)),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

    const after = await t.sql<{ id: string; user_id: string; status: string; waitlist_seq: number | null; promoted_at: Date | null }>(
      `SELECT id, user_id, status, waitlist_seq, promoted_at FROM event_registrations WHERE event_id = $1`, [eventId]);
    const byId = new Map(after.map((r) => [r.id, r]));
    const firstTen = queuedRegs.slice(0, 10).map((r) => byId.get(r.id)!);
    const nextTen = queuedRegs.slice(10).map((r) => byId.get(r.id)!);
    expect(firstTen.every((r) => r.status === 'CONFIRMED' && r.promoted_at)).toBe(true);
    expect(nextTen.every((r) => r.status === 'WAITLISTED')).toBe(true);
    // In order: promotion times never go backwards along the queue.
    const times = firstTen.map((r) => new Date(r.promoted_at!).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Newcomers queue behind everyone who was already waiting.
    const newcomerRows = after.filter((r) => newcomers.some((n) => n.id === r.user_id));
    expect(newcomerRows.every((r) => r.status === 'WAITLISTED')).toBe(true);
    expect(Math.min(...newcomerRows.map((r) => r.waitlist_seq!))).toBeGreaterThan(Math.max(...nextTen.map((r) => r.waitlist_seq!)));
    // Nobody twice: one live registration each, one promotion email each.
    const live = await t.sql(`SELECT user_id, count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND status <> 'CANCELLED' GROUP BY user_id HAVING count(*) > 1`, [eventId]);
    expect(live).toEqual([]);
    const mails = await t.sql(`SELECT recipient_user_id, count(*)::int AS n FROM outbox_messages WHERE template = 'event-waitlist-promoted' AND recipient_user_id = ANY($1) GROUP BY recipient_user_id`,
      [queued.map((q) => q.id)]);
    expect(mails).toHaveLength(10);
    expect(mails.every((m) => m.n === 1)).toBe(true);
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 50, waitlistCount: 20, seats: 50, waitlisted: 20 });
  });
});
