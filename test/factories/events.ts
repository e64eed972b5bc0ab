import { randomBytes } from 'node:crypto';
import { Role, type Viewer } from '../../libs/core/src/index.js';
import { TestApp } from '../utils/test-app.js';
import { TestUser } from './users.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface EventOverrides {
  title?: string;
  kind?: string;
  format?: string;
  startsAt?: Date;
  endsAt?: Date;
  timezone?: string;
  venue?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  /** Omitted: no limit. */
  waitlistLimit?: number | null;
  memberPrice?: number;
  nonMemberPrice?: number;
  currency?: string;
  membersOnly?: boolean;
  registrationClosesAt?: Date | null;
  sessions?: Array<{ title: string; startsAt: Date; endsAt: Date; ceCredits: number; ceCategory?: string | null }>;
  ceCredits?: number;
  ceCategory?: string;
  publish?: boolean;
}

let sequence = 0;

export function eventInput(overrides: EventOverrides = {}): Record<string, unknown> {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 10 * DAY);
  return {
    title: overrides.title ?? `Workshop ${++sequence}`,
    kind: overrides.kind ?? 'WORKSHOP',
    format: overrides.format ?? 'HYBRID',
    startsAt: startsAt.toISOString(),
    endsAt: (overrides.endsAt ?? new Date(startsAt.getTime() + 3 * HOUR)).toISOString(),
    timezone: overrides.timezone ?? 'Europe/Berlin',
    venue: overrides.venue === undefined ? 'Guild Hall, Room 1' : overrides.venue,
    onlineUrl: overrides.onlineUrl === undefined ? 'https://meet.example.org/secret-room' : overrides.onlineUrl,
    capacity: overrides.capacity === undefined ? 50 : overrides.capacity,
    ...(overrides.waitlistLimit === undefined ? {} : { waitlistLimit: overrides.waitlistLimit }),
    memberPrice: { amount: overrides.memberPrice ?? 0, currency: overrides.currency ?? 'USD' },
    nonMemberPrice: { amount: overrides.nonMemberPrice ?? 0, currency: overrides.currency ?? 'USD' },
    membersOnly: overrides.membersOnly ?? false,
    registrationClosesAt: overrides.registrationClosesAt?.toISOString() ?? null,
    sessions: overrides.sessions?.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) ?? null,
    ceCredits: overrides.ceCredits ?? null,
    ceCategory: overrides.ceCategory ?? null,
  };
}

/** Creates (and by default publishes) an event through the admin API; returns its id. */
export async function createEvent(t: TestApp, admin: TestUser, overrides: EventOverrides = {}): Promise<string> {
  const created = await t.gql(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: eventInput(overrides) }, admin.accessToken);
  if (!created.data?.createEvent) throw new Error(`createEvent failed: ${JSON.stringify(created.errors)}`);
  const id: string = created.data.createEvent.id;
  if (overrides.publish !== false) {
    const published = await t.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, admin.accessToken);
    if (!published.data?.publishEvent) throw new Error(`publishEvent failed: ${JSON.stringify(published.errors)}`);
  }
  return id;
}

/** Many people at once, straight into the users table (no password hashing): for service-level load. */
export async function insertPeople(t: TestApp, count: number, prefix = 'load'): Promise<Viewer[]> {
  const tag = randomBytes(4).toString('hex');
  const rows = await t.sql<{ id: string }>(
    `INSERT INTO users (email, password_hash, full_name)
     SELECT $1 || '.' || $2 || '.' || g || '@example.org', '!', 'Person ' || g FROM generate_series(1, $3::int) g
     RETURNING id`,
    [prefix, tag, count],
  );
  return rows.map((r) => ({ id: r.id, role: Role.USER, sessionId: 'test' }));
}

export const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status waitlistPosition price { amount currency } checkoutUrl holdExpiresAt offerExpiresAt } }`;
export const CANCEL_REGISTRATION = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status endReason } }`;
export const ACCEPT_OFFER = `mutation($id: ID!) { acceptWaitlistOffer(registrationId: $id) { id status checkoutUrl holdExpiresAt } }`;

export async function register(t: TestApp, user: TestUser, eventId: string) {
  return t.gql(REGISTER, { eventId }, user.accessToken);
}

/** Counters on the event row agree with the registrations (what the service keeps in step under the lock). */
export async function seatState(t: TestApp, eventId: string) {
  const [row] = await t.sql(
    `SELECT e.seats_taken AS "seatsTaken", e.waitlist_count AS "waitlistCount",
            (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED')) AS seats,
            (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'WAITLISTED') AS waitlisted
       FROM events e WHERE e.id = $1`,
    [eventId],
  );
  return row as { seatsTaken: number; waitlistCount: number; seats: number; waitlisted: number };
}

export const mailTo = async (t: TestApp, userId: string, template?: string) =>
  (await t.sql(`SELECT template, subject, body_text AS "bodyText" FROM outbox_messages WHERE recipient_user_id = $1 ${template ? 'AND template = $2' : ''} ORDER BY created_at`, template ? [userId, template] : [userId]));

export { DAY, HOUR };
