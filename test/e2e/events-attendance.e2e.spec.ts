import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { createEvent, DAY, HOUR, register } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { pdfText } from '../utils/pdf-text.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const CHECK_IN = `mutation($id: ID!, $sessionId: ID) { checkIn(registrationId: $id, sessionId: $sessionId) { id creditsEarned attendance { session { title } credits } } }`;

describe('events: check-in, credits, certificates, transcript, calendar files', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let eventId: string;
  let registrationId: string;
  let sessionIds: string[];
  const start = new Date(Date.UTC(2027, 2, 27, 8, 0)); // Sat 27 Mar 2027, 09:00 in Berlin (CET); DST starts the next day
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    member = await signUpUser(t, { fullName: 'Ada Lovelace' });
    eventId = await createEvent(t, admin, {
      title: 'Ethics, Law; and "Practice"',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * DAY),
      timezone: 'Europe/Berlin',
      sessions: [
        { title: 'Morning: Ethics', startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), ceCredits: 3, ceCategory: 'Ethics' },
        { title: 'Afternoon: Law', startsAt: new Date(start.getTime() + 5 * HOUR), endsAt: new Date(start.getTime() + 7 * HOUR), ceCredits: 1.5, ceCategory: 'Law' },
        { title: 'Day two: Practice', startsAt: new Date(start.getTime() + DAY), endsAt: new Date(start.getTime() + DAY + 2 * HOUR), ceCredits: 2, ceCategory: 'Ethics' },
      ],
    });
    registrationId = (await register(t, member, eventId)).data!.registerForEvent.id;
    const sessions = await t.gql(`query($id: ID!) { event(id: $id) { sessions { id title } } }`, { id: eventId });
    sessionIds = sessions.data!.event.sessions.map((s: { id: string }) => s.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks in per session (admins only); a multi-session event needs the session; credits follow attendance', async () => {
    expect(errorCode(await t.gql(CHECK_IN, { id: registrationId, sessionId: sessionIds[0] }, member.accessToken))).toBe('FORBIDDEN');
    const missing = await t.gql(CHECK_IN, { id: registrationId }, admin.accessToken);
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'sessionId' }] });
    const otherEvent = await createEvent(t, admin);
    const foreign = (await t.gql(`query($id: ID!) { event(id: $id) { sessions { id } } }`, { id: otherEvent })).data!.event.sessions[0].id;
    expect((await t.gql(CHECK_IN, { id: registrationId, sessionId: foreign }, admin.accessToken)).errors![0].extensions.fields![0].path).toBe('sessionId');

    await t.gql(CHECK_IN, { id: registrationId, sessionId: sessionIds[0] }, admin.accessToken);
    const code = (await t.gql(`{ myRegistrations(first: 5) { edges { node { id checkInCode } } } }`, {}, member.accessToken)).data!.myRegistrations.edges[0].node.checkInCode;
    const byCode = await t.gql(`mutation($code: String!, $s: ID) { checkInByCode(code: $code, sessionId: $s) { creditsEarned } }`, { code, s: sessionIds[2] }, admin.accessToken);
    expect(byCode.data!.checkInByCode.creditsEarned).toBe(5);
    const twice = await t.gql(CHECK_IN, { id: registrationId, sessionId: sessionIds[0] }, admin.accessToken);
    expect(twice.data!.checkIn.creditsEarned).toBe(5);
    expect(twice.data!.checkIn.attendance.map((a: { session: { title: string } }) => a.session.title)).toEqual(['Morning: Ethics', 'Day two: Practice']);
  });

  it('single-session events check in without a session; waitlisted people cannot be checked in', async () => {
    const single = await createEvent(t, admin, { capacity: 1, ceCredits: 1.25, ceCategory: 'Clinical' });
    const first = (await register(t, member, single)).data!.registerForEvent.id;
    const other = await signUpUser(t);
    const queued = (await register(t, other, single)).data!.registerForEvent.id;
    expect((await t.gql(CHECK_IN, { id: first }, admin.accessToken)).data!.checkIn.creditsEarned).toBe(1.25);
    expect((await t.gql(CHECK_IN, { id: queued }, admin.accessToken)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_REGISTRATION_STATUS' });
  });

  it('the certificate PDF lists the sessions, credits and categories with a code that verifyCertificate confirms publicly', async () => {
    const url = `${t.url}/certificates/${registrationId}.pdf`;
    expect((await fetch(url)).status).toBe(401);
    const stranger = await signUpUser(t);
    expect((await fetch(url, { headers: { authorization: `Bearer ${stranger.accessToken}` } })).status).toBe(404);
    const response = await fetch(url, { headers: { authorization: `Bearer ${member.accessToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Morning: Ethics: 3 credits, Ethics');
    expect(text).toContain('Day two: Practice: 2 credits, Ethics');
    expect(text).not.toContain('Afternoon: Law');
    expect(text).toContain('Total continuing-education credits: 5');
    const code = /Verification code: (GH-[A-Z0-9-]+)/.exec(text)![1];
    const [row] = await t.sql(`SELECT certificate_code FROM event_registrations WHERE id = $1`, [registrationId]);
    expect(row.certificate_code).toBe(code);
    // The admin gets the same certificate (same code).
    const again = pdfText(Buffer.from(await (await fetch(url, { headers: { authorization: `Bearer ${admin.accessToken}` } })).arrayBuffer()));
    expect(again).toContain(code);

    const verify = `query($code: String!) { verifyCertificate(code: $code) { valid holderName eventTitle credits issuedAt } }`;
    const ok = await t.gql(verify, { code: code.toLowerCase() });
    expect(ok.data!.verifyCertificate).toMatchObject({ valid: true, holderName: 'Ada Lovelace', eventTitle: 'Ethics, Law; and "Practice"', credits: 5 });
    expect((await t.gql(verify, { code: 'GH-AAAA-BBBB-CCCC' })).data!.verifyCertificate).toMatchObject({ valid: false, holderName: null });
  });

  it('myTranscript: credits from attended sessions, by category and in total, each entry with event, session and date', async () => {
    const result = await t.gql(`query($from: DateTime, $to: DateTime) { myTranscript(from: $from, to: $to) { totalCredits byCategory { category credits } entries { source title date credits category } } }`,
      { from: new Date(start.getTime() - DAY).toISOString(), to: new Date(start.getTime() + 3 * DAY).toISOString() }, member.accessToken);
    expect(result.errors).toBeUndefined();
    const transcript = result.data!.myTranscript;
    expect(transcript.totalCredits).toBe(5);
    expect(transcript.byCategory).toEqual([{ category: 'Ethics', credits: 5 }]);
    expect(transcript.entries).toEqual([
      { source: 'EVENTS', title: 'Ethics, Law; and "Practice" — Day two: Practice', date: new Date(start.getTime() + DAY).toISOString(), credits: 2, category: 'Ethics' },
      { source: 'EVENTS', title: 'Ethics, Law; and "Practice" — Morning: Ethics', date: start.toISOString(), credits: 3, category: 'Ethics' },
    ]);
    expect(errorCode(await t.gql(`{ myTranscript { totalCredits } }`))).toBe('UNAUTHENTICATED');
  });

  it('serves .ics files with correct time zones (VTIMEZONE across a DST change) that ical.js parses', async () => {
    const response = await fetch(`${t.url}/events/${eventId}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const body = await response.text();
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(body).toContain('DTSTART;TZID=Europe/Berlin:20270327T090000');
    const calendar = new ICAL.Component(ICAL.parse(body));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.summary).toBe('Ethics, Law; and "Practice"');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    // Ends 48 hours later, 08:00 UTC on Monday 29 Mar: summer time (UTC+2) has begun, so 10:00 on Berlin clocks.
    expect(vevent.endDate.toJSDate().toISOString()).toBe(new Date(start.getTime() + 2 * DAY).toISOString());
    expect(vevent.endDate.toString()).toBe('2027-03-29T10:00:00');
    expect(body).toContain('DTEND;TZID=Europe/Berlin:20270329T100000');

    const longTitle = await createEvent(t, admin, { title: `Übersicht ${'é'.repeat(80)}`, timezone: 'America/New_York' });
    const feed = await (await fetch(`${t.url}/events.ics`)).text();
    const parsed = new ICAL.Component(ICAL.parse(feed));
    for (const zone of parsed.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = parsed.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const long = events.find((e) => e.uid === `${longTitle}@guildhall`)!;
    expect(long.summary).toBe(`Übersicht ${'é'.repeat(80)}`);
    const [row] = await t.sql(`SELECT starts_at FROM events WHERE id = $1`, [longTitle]);
    // iCalendar times are to the second.
    expect(long.startDate.toJSDate().getTime()).toBe(Math.floor(new Date(row.starts_at).getTime() / 1000) * 1000);
    expect(events.some((e) => e.uid === `${eventId}@guildhall`)).toBe(true);
    const draft = await createEvent(t, admin, { publish: false });
    expect((await fetch(`${t.url}/events/${draft}.ics`)).status).toBe(404);
    expect((await fetch(`${t.url}/events/not-an-id.ics`)).status).toBe(404);
  });
});
