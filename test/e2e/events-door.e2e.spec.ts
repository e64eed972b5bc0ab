import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffPermission } from '../../libs/core/src/index.js';
import { ticketQrSvg } from '../../libs/events/src/tickets/ticket-qr.js';
import { createEvent, DAY, HOUR, register } from '../factories/events.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';

const TICKET = `mutation($e: ID!, $c: String!, $s: ID) { checkInTicket(eventId: $e, code: $c, sessionId: $s) { outcome registration { id status user { fullName } } } }`;
const COUNTS = `query($e: ID!) { eventCheckInCounts(eventId: $e) { eventId confirmed sessions { title checkedIn } } }`;
const PREVIEW = `query($id: ID!) { eventCancellationPreview(id: $id) { registrationsToCancel confirmed waitlisted pendingPayment offered refunds refundTotal { amount currency } } }`;

describe('events at the door: tickets with QR codes, check-in outcomes, live counts, the cancellation preview', () => {
  let t: TestApp;
  let admin: TestUser;
  let door: TestUser;
  let eventId: string;
  let otherEventId: string;

  const ticketOf = async (who: TestUser, event: string) => {
    const result = await register(t, who, event);
    return result.data!.registerForEvent as { id: string; status: string };
  };
  const codeOf = async (who: TestUser, registrationId: string): Promise<string> => {
    const mine = await t.gql(`{ myRegistrations(first: 50) { edges { node { id checkInCode } } } }`, {}, who.accessToken);
    return mine.data!.myRegistrations.edges.find((e: any) => e.node.id === registrationId).node.checkInCode;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    door = await signUpUser(t, { fullName: 'Door Volunteer' });
    await t.gql(`mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`, { id: door.id, p: [StaffPermission.CHECK_IN] }, admin.accessToken);
    eventId = await createEvent(t, admin, { capacity: 2 });
    otherEventId = await createEvent(t, admin, { capacity: 5 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers CHECKED_IN, then ALREADY_CHECKED_IN, WRONG_EVENT and NOT_CONFIRMED, writing only the first; the counts follow', async () => {
    const ada = await signUpUser(t, { fullName: 'Ada Lovelace' });
    const bob = await signUpUser(t, { fullName: 'Bob Babbage' });
    const cy = await signUpUser(t, { fullName: 'Cy Waitlisted' });
    const adaTicket = await ticketOf(ada, eventId);
    await ticketOf(bob, eventId);
    const cyTicket = await ticketOf(cy, eventId);
    expect(cyTicket.status).toBe('WAITLISTED');
    const elsewhere = await ticketOf(ada, otherEventId);

    expect((await t.gql(COUNTS, { e: eventId }, door.accessToken)).data!.eventCheckInCounts).toEqual({ eventId, confirmed: 2, sessions: [{ title: expect.any(String), checkedIn: 0 }] });

    const adaCode = await codeOf(ada, adaTicket.id);
    const first = await t.gql(TICKET, { e: eventId, c: adaCode }, door.accessToken);
    expect(first.data!.checkInTicket).toEqual({ outcome: 'CHECKED_IN', registration: { id: adaTicket.id, status: 'CONFIRMED', user: { fullName: 'Ada Lovelace' } } });
    expect((await t.gql(TICKET, { e: eventId, c: adaCode }, door.accessToken)).data!.checkInTicket.outcome).toBe('ALREADY_CHECKED_IN');
    expect((await t.gql(TICKET, { e: eventId, c: await codeOf(ada, elsewhere.id) }, door.accessToken)).data!.checkInTicket.outcome).toBe('WRONG_EVENT');
    expect((await t.gql(TICKET, { e: eventId, c: await codeOf(cy, cyTicket.id) }, door.accessToken)).data!.checkInTicket.outcome).toBe('NOT_CONFIRMED');

    const attended = await t.sql(`SELECT registration_id FROM event_session_attendance WHERE registration_id = ANY($1)`, [[adaTicket.id, elsewhere.id, cyTicket.id]]);
    expect(attended).toEqual([{ registration_id: adaTicket.id }]);
    const audited = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'event.checkIn' AND target_id = $1`, [adaTicket.id]);
    expect(audited[0].n).toBe(1);
    expect((await t.gql(COUNTS, { e: eventId }, door.accessToken)).data!.eventCheckInCounts.sessions[0].checkedIn).toBe(1);
  });

  it('refuses unknown codes, malformed codes and ids, and callers without CHECK_IN or EVENT_MANAGER', async () => {
    expect(errorCode(await t.gql(TICKET, { e: eventId, c: 'ZZZZZZZZZZ' }, door.accessToken))).toBe('NOT_FOUND');
    const malformed = await t.gql(TICKET, { e: eventId, c: 'short' }, door.accessToken);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0].extensions.fields![0].path).toBe('code');
    expect(errorCode(await t.gql(COUNTS, { e: 'nope' }, door.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(COUNTS, { e: '00000000-0000-4000-8000-000000000000' }, door.accessToken))).toBe('NOT_FOUND');
    const member = await signUpUser(t);
    expect(errorCode(await t.gql(TICKET, { e: eventId, c: 'ZZZZZZZZZZ' }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(COUNTS, { e: eventId }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(COUNTS, { e: eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(PREVIEW, { id: eventId }, door.accessToken))).toBe('FORBIDDEN');
  });

  it('a multi-session event needs the session; each session counts on its own', async () => {
    const start = new Date(Date.now() + 20 * DAY);
    const multi = await createEvent(t, admin, {
      startsAt: start, endsAt: new Date(start.getTime() + 8 * HOUR),
      sessions: [
        { title: 'Morning', startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), ceCredits: 3 },
        { title: 'Afternoon', startsAt: new Date(start.getTime() + 5 * HOUR), endsAt: new Date(start.getTime() + 8 * HOUR), ceCredits: 3 },
      ],
    });
    const person = await signUpUser(t);
    const ticket = await ticketOf(person, multi);
    const code = await codeOf(person, ticket.id);
    const missing = await t.gql(TICKET, { e: multi, c: code }, door.accessToken);
    expect(missing.errors![0].extensions.fields![0].path).toBe('sessionId');
    const counts = (await t.gql(`query($e: ID!) { eventCheckInCounts(eventId: $e) { sessions { sessionId title } } }`, { e: multi }, door.accessToken)).data!.eventCheckInCounts.sessions;
    expect(counts.map((s: any) => s.title)).toEqual(['Morning', 'Afternoon']);
    expect((await t.gql(TICKET, { e: multi, c: code, s: counts[1].sessionId }, door.accessToken)).data!.checkInTicket.outcome).toBe('CHECKED_IN');
    expect((await t.gql(COUNTS, { e: multi }, door.accessToken)).data!.eventCheckInCounts.sessions.map((s: any) => s.checkedIn)).toEqual([0, 1]);
  });

  it('the ticket carries its code as a QR code, on the registration and in the confirmation email', async () => {
    const person = await signUpUser(t);
    const ticket = await ticketOf(person, otherEventId);
    const mine = await t.gql(`{ myRegistrations(first: 50) { edges { node { id checkInCode ticketQrSvg } } } }`, {}, person.accessToken);
    const node = mine.data!.myRegistrations.edges.find((e: any) => e.node.id === ticket.id).node;
    expect(node.ticketQrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(node.ticketQrSvg).toBe(await ticketQrSvg(node.checkInCode));
    expect(node.ticketQrSvg).not.toBe(await ticketQrSvg('AAAAAAAAAA'));
    const [mail] = await t.sql(`SELECT body_text, attachments FROM outbox_messages WHERE recipient_user_id = $1 AND template = 'event-registration-confirmed'`, [person.id]);
    expect(mail.body_text).toContain(node.checkInCode);
    expect(mail.attachments.find((a: any) => a.filename === 'ticket.svg')).toEqual({ filename: 'ticket.svg', contentType: 'image/svg+xml', content: node.ticketQrSvg });
  });

  it('the cancellation preview counts who would be told and refunded, and writes nothing', async () => {
    const small = await createEvent(t, admin, { capacity: 1 });
    await ticketOf(await signUpUser(t), small);
    await ticketOf(await signUpUser(t), small);
    await ticketOf(await signUpUser(t), small);
    const preview = await t.gql(PREVIEW, { id: small }, admin.accessToken);
    expect(preview.data!.eventCancellationPreview).toEqual({ registrationsToCancel: 3, confirmed: 1, waitlisted: 2, pendingPayment: 0, offered: 0, refunds: 0, refundTotal: [] });
    const [event] = await t.sql(`SELECT status FROM events WHERE id = $1`, [small]);
    expect(event.status).toBe('PUBLISHED');
    await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "Storm") { id } }`, { id: small }, admin.accessToken);
    expect(errorCode(await t.gql(PREVIEW, { id: small }, admin.accessToken))).toBe('CONFLICT');
  });
});
