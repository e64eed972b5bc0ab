import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppError } from '../../libs/core/src/index.js';
import { RegistrationsService } from '../../libs/events/src/index.js';
import { createEvent, eventInput, insertPeople, register, seatState } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id waitlistLimit } }`;
const EVENT = `query($id: ID!) { event(id: $id) { seatsRemaining waitlistCount waitlistLimit } }`;

/** An event may cap its waitlist (null: no limit; 0: none): newcomers beyond it are refused, under the event lock. */
describe('events: the waitlist limit', () => {
  let t: TestApp;
  let admin: TestUser;
  let people: TestUser[];
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    admin = await createAdminUser(t);
    people = [];
    for (let i = 0; i < 3; i++) people.push(await signUpUser(t));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a negative limit, naming the field', async () => {
    const result = await t.gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: { ...eventInput(), waitlistLimit: -1 } }, admin.accessToken);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain('waitlistLimit');
  });

  it('queues newcomers up to the limit, then refuses them as SOLD_OUT with nothing written; raising the limit lets them in', async () => {
    const eventId = await createEvent(t, admin, { capacity: 1, waitlistLimit: 1 });
    const [a, b, c] = people;
    expect((await register(t, a, eventId)).data?.registerForEvent.status).toBe('CONFIRMED');
    expect((await register(t, b, eventId)).data?.registerForEvent).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });

    const refused = await register(t, c, eventId);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'SOLD_OUT' });
    expect(refused.errors?.[0]?.message).toMatch(/waitlist is full/);
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND user_id = $2`, [eventId, c.id])).toEqual([{ n: 0 }]);
    expect((await t.gql(EVENT, { id: eventId }, c.accessToken)).data?.event).toEqual({ seatsRemaining: 0, waitlistCount: 1, waitlistLimit: 1 });

    expect((await t.gql(UPDATE, { id: eventId, input: { waitlistLimit: null } }, admin.accessToken)).data?.updateEvent).toEqual({ id: eventId, waitlistLimit: null });
    expect((await register(t, c, eventId)).data?.registerForEvent).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 1, waitlistCount: 2, seats: 1, waitlisted: 2 });
  });

  it('0: no waitlist at all; registration closes with the last seat', async () => {
    const eventId = await createEvent(t, admin, { capacity: 1, waitlistLimit: 0 });
    const [a, b] = people;
    expect((await register(t, a, eventId)).data?.registerForEvent.status).toBe('CONFIRMED');
    const refused = await register(t, b, eventId);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SOLD_OUT' });
    expect(refused.errors?.[0]?.message).toMatch(/no waitlist/);
  });

  it('lowering the limit keeps everyone already queueing, and turns newcomers away', async () => {
    const eventId = await createEvent(t, admin, { capacity: 1 });
    const [a, b, c] = people;
    await register(t, a, eventId);
    await register(t, b, eventId);
    expect((await t.gql(UPDATE, { id: eventId, input: { waitlistLimit: 0 } }, admin.accessToken)).data?.updateEvent.waitlistLimit).toBe(0);
    expect((await register(t, c, eventId)).errors?.[0]?.extensions).toMatchObject({ reason: 'SOLD_OUT' });
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 1, waitlistCount: 1, seats: 1, waitlisted: 1 });
  });

  it('30 people at once for 2 seats and 3 waitlist places, 5 times: exactly 2 seats, 3 queued 1..3, 25 SOLD_OUT', async () => {
    const registrations = t.app.get(RegistrationsService);
    for (let round = 0; round < 5; round++) {
      const eventId = await createEvent(t, admin, { capacity: 2, waitlistLimit: 3, title: `Small room ${round}` });
      const crowd = await insertPeople(t, 30, `crowd${round}`);
      const outcomes = await Promise.allSettled(crowd.map((person) => registrations.register(person, eventId)));
      const reasons = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as AppError).options.reason);
      expect(reasons).toEqual(Array(25).fill('SOLD_OUT'));
      const queued = await t.sql<{ position: number }>(
        `SELECT row_number() OVER (ORDER BY waitlist_seq)::int AS position FROM event_registrations WHERE event_id = $1 AND status = 'WAITLISTED'`,
        [eventId],
      );
      expect(queued.map((r) => r.position)).toEqual([1, 2, 3]);
      expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 3, seats: 2, waitlisted: 3 });
    }
  }, 120_000);
});
