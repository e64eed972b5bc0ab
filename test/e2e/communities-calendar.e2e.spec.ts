import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expandSeries, parseCalendar } from '../utils/ical-expand.js';
import { createGroup, goodStandingTier, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const HOUR = 3_600_000;

describe('GET /study-groups/:id.ics', () => {
  let t: TestApp;
  let organiser: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdminUser(t);
    organiser = await memberInGoodStanding(t, await goodStandingTier(t, admin));
  });
  afterAll(async () => {
    await t?.close();
  });

  const ics = async (id: string) => {
    const response = await fetch(`${t.url}/study-groups/${id}.ics`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  const upcoming = async (id: string, count: number) =>
    (await t.gql(UPCOMING, { id, count })).data!.studyGroup.upcomingMeetings as Array<{ id: string; startsAt: string; endsAt: string }>;

  it.each([
    ['Europe/Berlin', 'TUESDAY', '19:00'],
    ['America/New_York', 'THURSDAY', '18:30'],
    ['Australia/Sydney', 'MONDAY', '07:15'],
  ])('%s: ical.js expands the series to the same meetings as upcomingMeetings, across a daylight-saving change, moves and cancellations included', async (timezone, weekday, localTime) => {
    // Starting in January 2031, twenty weeks reach into April: past the change of offset in all three zones.
    const id = await createGroup(t, organiser, { schedule: { timezone, weekday, localTime, startsOn: '2031-01-01' } });
    const before = await upcoming(id, 20);
    // One cancelled, one moved by a day and a half.
    await t.gql(`mutation($id: ID!) { cancelMeeting(meetingId: $id) { id } }`, { id: before[2].id }, organiser.accessToken);
    const movedTo = new Date(new Date(before[5].startsAt).getTime() + 36 * HOUR).toISOString();
    await t.gql(`mutation($id: ID!, $at: DateTime!) { moveMeeting(meetingId: $id, startsAt: $at) { id } }`, { id: before[5].id, at: movedTo }, organiser.accessToken);

    const meetings = await upcoming(id, 20);
    const file = await ics(id);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/calendar; charset=utf-8');
    expect(file.text).toContain(`TZID=${timezone}`);
    expect(file.text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${timezone}`);
    expect(file.text).toMatch(/EXDATE;TZID=[^:]+:\d{8}T\d{6}/);
    expect(file.text).toMatch(/RECURRENCE-ID;TZID=[^:]+:\d{8}T\d{6}/);
    const expanded = expandSeries(file.text, 20, new Date());
    expect(expanded.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual(meetings.map((m) => [m.startsAt, m.endsAt]));
    expect(expanded.map((o) => o.start.toISOString())).toContain(movedTo);
    const offsets = new Set(meetings.filter((m) => m.startsAt !== movedTo).map((m) => new Date(m.startsAt).getUTCHours() * 60 + new Date(m.startsAt).getUTCMinutes()));
    expect(offsets.size).toBe(2);
  });

  it('a monthly series in its zone, with the organiser\'s text escaped', async () => {
    const id = await createGroup(t, organiser, { name: 'Reading circle; "Thinking, Fast and Slow"', schedule: { cadence: 'MONTHLY', weekday: 'WEDNESDAY', weekOfMonth: 2, timezone: 'Europe/London' } });
    const file = await ics(id);
    expect(file.text).toContain('RRULE:FREQ=MONTHLY;BYDAY=2WE');
    expect(parseCalendar(file.text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe('Reading circle; "Thinking, Fast and Slow"');
    const meetings = await upcoming(id, 6);
    expect(expandSeries(file.text, 6, new Date()).map((o) => o.start.toISOString())).toEqual(meetings.map((m) => m.startsAt));
  });

  it('an archived group\'s series stops when it was archived', async () => {
    const id = await createGroup(t, organiser, { schedule: { startsOn: '2026-01-01' } });
    await t.gql(`mutation($id: ID!) { updateStudyGroup(id: $id, input: { status: ARCHIVED }) { id } }`, { id }, organiser.accessToken);
    const file = await ics(id);
    expect(file.text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=\d{8}T\d{6}Z/);
    expect(expandSeries(file.text, 5, new Date())).toEqual([]);
  });

  it('answers 404 for unknown or malformed ids', async () => {
    expect((await ics('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ics('not-a-uuid')).status).toBe(404);
    expect((await fetch(`${t.url}/study-groups/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
