/// <reference lib="dom" />
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifySignature } from '../../libs/integrations/src/webhooks/webhook-signature.js';
import { collectProblems, createAdminUser, createTier, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($userId: ID!, $tierId: ID!) { grantMembership(userId: $userId, tierId: $tierId) { id } }`;
const SET_ROLE = `mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }`;

/** A local webhook receiver that records every request and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Array<{ headers: IncomingHttpHeaders; body: string }>; close: () => Promise<void> }> {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('portal: staff integrations (webhooks, API tokens, retention and two-factor rules)', () => {
  let portal: Portal;
  let admin: TestUser;
  let lead: TestUser;
  beforeAll(async () => {
    // startPortal passes its env to the app's config: loopback receivers are allowed here only.
    portal = await startPortal({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_TIMEOUT_MS: '3000' });
    admin = await createAdminUser(portal.t);
    lead = await signUpUser(portal.t, { fullName: 'Integrations Admin' });
    expect((await portal.t.gql(SET_ROLE, { id: lead.id }, admin.accessToken)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await portal?.close();
  }, 180_000);

  it('creates a webhook endpoint (secret shown once), sees a signed delivery in its log, sends it again and rolls its secret', async () => {
    const receiver = await startReceiver();
    try {
      const page = await portal.newPortalPage();
      const problems = collectProblems(page);
      await logInThroughPage(page, lead, 'Integrations Admin', '/staff');
      await page.getByRole('link', { name: 'Integrations and privacy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrations and privacy' }).waitFor();
      await expectAccessible(page, 'integrations');
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await page.getByText('No endpoints yet.').waitFor();
      await expectAccessible(page, 'webhooks');

      const form = page.getByRole('form', { name: 'New endpoint' });
      await form.getByRole('button', { name: 'Create endpoint' }).click();
      await form.getByText('Enter an http(s) address').waitFor();
      await form.getByText('Choose at least one event').waitFor();
      await form.getByLabel('URL').fill(receiver.url);
      await form.getByLabel('Description').fill('Accounting');
      await form.getByRole('checkbox', { name: 'member.joined' }).check();
      await form.getByRole('button', { name: 'Create endpoint' }).click();
      const secretBox = page.getByLabel('Signing secret');
      await secretBox.waitFor();
      const secret = (await secretBox.textContent())!.trim();
      expect(secret.length).toBeGreaterThan(20);
      await expectAccessible(page, 'webhooks: secret shown once');
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByLabel('Signing secret').count()).toBe(0);
      const card = page.getByRole('article', { name: receiver.url });
      await card.getByText('Accounting').waitFor();

      // A member joins: the delivery is written with the change and sent by the job runner, signed.
      const member = await signUpUser(portal.t);
      const tierId = await createTier(portal.t, admin);
      expect((await portal.t.gql(GRANT, { userId: member.id, tierId }, admin.accessToken)).errors).toBeUndefined();
      await portal.t.runJobs();
      expect(receiver.received).toHaveLength(1);
      const first = receiver.received[0]!;
      expect(verifySignature(secret, first.body, String(first.headers['guildhall-signature']))).toBe(true);
      const eventId = String(first.headers['guildhall-event-id']);
      expect(JSON.parse(first.body)).toMatchObject({ id: eventId, type: 'member.joined' });

      await card.getByRole('link', { name: 'Delivery log' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhook deliveries' }).waitFor();
      const table = page.getByRole('table');
      const row = table.getByRole('row').filter({ hasText: eventId });
      await row.getByText('Delivered', { exact: true }).waitFor();
      await row.getByText(/^200 in \d+ ms$/).waitFor();
      await expectAccessible(page, 'webhook deliveries');

      await row.getByRole('button', { name: `Send again: member.joined ${eventId}` }).click();
      // Queued again at once (the row says so), sent by the job runner with the same event id.
      await row.getByText('Pending', { exact: true }).waitFor();
      await portal.t.runJobs();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await row.getByText('Delivered', { exact: true }).waitFor();
      await row.getByRole('cell', { name: '2', exact: true }).waitFor(); // two attempts now
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]!.headers['guildhall-event-id']).toBe(eventId); // the same event id
      expect(verifySignature(secret, receiver.received[1]!.body, String(receiver.received[1]!.headers['guildhall-signature']))).toBe(true);

      // Roll the secret, the old one signing beside the new for 24 hours.
      await page.getByRole('link', { name: 'All endpoints' }).click();
      await card.getByRole('button', { name: 'Roll secret' }).click();
      const rollForm = card.getByRole('form', { name: `Roll the secret of ${receiver.url}` });
      await rollForm.getByLabel('The old secret keeps signing for').selectOption({ label: '24 hours' });
      await rollForm.getByRole('button', { name: 'Roll the secret' }).click();
      const newSecretBox = card.getByLabel('Signing secret');
      await newSecretBox.waitFor();
      const newSecret = (await newSecretBox.textContent())!.trim();
      expect(newSecret).not.toBe(secret);
      await card.getByText(/^The previous secret also signs until /).waitFor();
      await expectAccessible(page, 'webhooks: rolled secret shown once');
      await card.getByRole('button', { name: 'Done' }).click();
      expect(await card.getByLabel('Signing secret').count()).toBe(0);
      const another = await signUpUser(portal.t);
      expect((await portal.t.gql(GRANT, { userId: another.id, tierId }, admin.accessToken)).errors).toBeUndefined();
      await portal.t.runJobs();
      const third = receiver.received.at(-1)!;
      expect(receiver.received).toHaveLength(3);
      expect([newSecret, secret].map((s) => verifySignature(s, third.body, String(third.headers['guildhall-signature'])))).toEqual([true, true]);

      // Switch it off, then delete it.
      await card.getByRole('switch', { name: 'Enabled' }).click();
      await card.getByText('Disabled', { exact: true }).waitFor();
      expect((await portal.t.sql(`SELECT enabled FROM webhook_endpoints WHERE url = $1`, [receiver.url]))[0].enabled).toBe(false);
      await card.getByRole('button', { name: 'Delete' }).click();
      await card.getByRole('button', { name: 'Delete it and its log' }).click();
      await page.getByText('No endpoints yet.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await receiver.close();
    }
  }, 180_000);

  it('creates an API token on the account page (secret once), it works as a bearer, and revoking it in the console stops it', async () => {
    const page = await portal.newPortalPage();
    await logInThroughPage(page, lead, 'Integrations Admin', '/account');
    const section = page.getByRole('region', { name: 'API tokens' });
    await section.getByText('You have no API tokens.').waitFor();
    const form = section.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Token name').fill('Accounting sync');
    await form.getByRole('checkbox', { name: 'FINANCE' }).check();
    await form.getByRole('button', { name: 'Create token' }).click();
    const secretBox = section.getByLabel('The new token');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())!.trim();
    await expectAccessible(page, 'account: API token created');
    await section.getByRole('button', { name: 'Done' }).click();
    expect(await section.getByLabel('The new token').count()).toBe(0);
    const tokens = section.getByRole('list', { name: 'My API tokens' });
    await tokens.getByText('Accounting sync').waitFor();

    const me = await portal.t.gql(`{ me { id } }`, {}, secret);
    expect(me.data?.me.id).toBe(lead.id);
    await page.reload();
    await tokens.getByText(/last used (?!never)/).waitFor();

    await page.goto('/staff/integrations/tokens');
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await expectAccessible(page, 'staff: API tokens');
    const row = page.getByRole('row').filter({ hasText: 'Accounting sync' });
    // The owner column names the account (issue 16), not its id.
    await row.getByRole('cell', { name: 'Integrations Admin', exact: true }).waitFor();
    expect(await row.getByText(lead.id).count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke Accounting sync' }).click();
    await row.getByText('Revoked').waitFor();
    const refused = await portal.t.gql(`{ me { id } }`, {}, secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A service token made in the console: its secret once, listed as a service token.
    const form2 = page.getByRole('form', { name: 'New service token' });
    await form2.getByLabel('Name').fill('Website sync');
    await form2.getByRole('checkbox', { name: 'READ_MEMBERS' }).check();
    await form2.getByRole('button', { name: 'Create service token' }).click();
    const serviceSecret = (await page.getByLabel('The new service token').textContent())!.trim();
    await expectAccessible(page, 'staff: service token created');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('The new service token').count()).toBe(0);
    const serviceRow = page.getByRole('row').filter({ hasText: 'Website sync' });
    await serviceRow.getByRole('cell', { name: 'Service', exact: true }).waitFor();
    const [stored] = await portal.t.sql(`SELECT kind, scopes FROM api_tokens WHERE name = 'Website sync'`);
    expect(stored).toMatchObject({ kind: 'SERVICE', scopes: ['READ_MEMBERS'] });
    expect((await portal.t.gql(`{ me { id } }`, {}, serviceSecret)).errors).toBeUndefined();
  }, 180_000);

  it('changes the retention periods and the rights that need two-factor sign-in, at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, lead, 'Integrations Admin', '/staff/integrations/settings');
    await page.getByRole('heading', { level: 1, name: 'Privacy and sign-in settings' }).waitFor();
    const outbox = page.getByLabel('Blank sent email bodies after (days)');
    await outbox.waitFor();
    await expectAccessible(page, 'privacy and sign-in settings (phone)');
    await page.getByLabel('Erase lapsed members after (days)').fill('5');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByText(/lapsedMemberDays|at least 30/i).first().waitFor(); // the API's rule, shown
    await page.getByLabel('Erase lapsed members after (days)').fill('400');
    await outbox.fill('45');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByText('Retention settings saved.').waitFor();
    const settings = await portal.t.gql(`{ retentionSettings { lapsedMemberDays outboxBodyDays } }`, {}, admin.accessToken);
    expect(settings.data?.retentionSettings).toEqual({ lapsedMemberDays: 400, outboxBodyDays: 45 });

    await page.getByRole('checkbox', { name: 'FINANCE' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Two-factor rules saved.').waitFor();
    // (Read from the table: an admin holds FINANCE, so the API now wants their second factor.)
    const [security] = await portal.t.sql(`SELECT totp_required_for FROM security_settings WHERE id = 1`);
    expect(security.totp_required_for).toEqual(['FINANCE']);
  }, 180_000);
});
