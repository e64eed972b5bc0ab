import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, register } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { pdfText } from '../utils/pdf-text.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const CHECK_IN = `mutation($id: ID!) { checkIn(registrationId: $id) { id creditsEarned } }`;
const UNTIL = '2040-01-01T00:00:00.000Z';

describe('GET /transcript.pdf: your own CE transcript as a PDF', () => {
  let t: TestApp;
  let member: TestUser;
  let other: TestUser;
  const url = (query = `?to=${UNTIL}`) => `${t.url}/transcript.pdf${query}`;
  const get = (token: string | null, query?: string) => fetch(url(query), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdminUser(t);
    member = await signUpUser(t, { fullName: 'Grace Hopper' });
    other = await signUpUser(t, { fullName: 'Someone Else' });
    const eventId = await createEvent(t, admin, { title: 'Compilers clinic', ceCredits: 2.5, ceCategory: 'Technical' });
    const registration = (await register(t, member, eventId)).data!.registerForEvent.id;
    const checked = await t.gql(CHECK_IN, { id: registration }, admin.accessToken);
    expect(checked.data!.checkIn.creditsEarned).toBe(2.5);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs a bearer token', async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get('not-a-token')).status).toBe(401);
  });

  it('lists the holder, the total, the categories and each activity', async () => {
    const response = await get(member.accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Grace Hopper');
    expect(text).toContain('Total credits: 2.5');
    expect(text).toContain('Technical: 2.5 credits');
    expect(text).toContain('Compilers clinic');
  });

  it("shows only the viewer's own credits", async () => {
    const text = pdfText(Buffer.from(await (await get(other.accessToken)).arrayBuffer()));
    expect(text).toContain('Someone Else');
    expect(text).toContain('Total credits: 0');
    expect(text).not.toContain('Compilers clinic');
    expect(text).not.toContain('Grace Hopper');
  });

  it('answers 400 naming the parameter for a bad or empty period', async () => {
    const bad = await get(member.accessToken, '?from=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'from' }] });
    const backwards = await get(member.accessToken, `?from=${UNTIL}&to=2030-01-01T00:00:00.000Z`);
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'to' }] });
  });
});
