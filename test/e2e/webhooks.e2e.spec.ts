import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DomainEvents } from '../../libs/core/src/index.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url events enabled } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id enabled events disabledReason } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`;
const LIST = `{ webhookEndpoints { id url enabled disabledReason } }`;
const DELIVERIES = `query($endpointId: ID!, $first: Int) { webhookDeliveries(endpointId: $endpointId, first: $first) {
  totalCount edges { node { id eventId eventType status attempts lastStatusCode deliveredAt attemptLog { statusCode latencyMs error } } } } }`;
const RESEND = `mutation($deliveryId: ID!) { resendWebhookDelivery(deliveryId: $deliveryId) { id status } }`;
const GRANT = `mutation($userId: ID!, $tierId: ID!) { grantMembership(userId: $userId, tierId: $tierId) { id } }`;
const ROLL = `mutation($id: ID!, $hours: Int) { rollWebhookEndpointSecret(id: $id, keepPreviousForHours: $hours) { secret endpoint { id previousSecretExpiresAt } } }`;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local receiver: records every request; `plan` answers per event id (default 200). */
class Receiver {
  readonly received: Received[] = [];
  failuresLeft = new Map<string, number>();
  alwaysFail = false;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, body });
        const eventId = String(req.headers['guildhall-event-id']);
        const left = this.failuresLeft.get(eventId) ?? 0;
        if (this.alwaysFail || left > 0) {
          this.failuresLeft.set(eventId, left - 1);
          res.writeHead(500).end('not now');
        } else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The README's recipe, written out as a receiver would (not our own helper). */
function verify(secret: string, body: string, header: string): boolean {
  const parts = header.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts.some(([k, v]) => k === 'v1' && Buffer.from(v, 'hex').length === expected.length && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}

describe('outgoing webhooks', () => {
  let t: TestApp;
  let admin: TestUser;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOKS_TIMEOUT_MS: '3000' });
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    // Each test gets its own receiver and only its own endpoints.
    await t.sql(`DELETE FROM webhook_endpoints`);
    receiver = new Receiver();
    await receiver.start();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  async function endpoint(events: string[]): Promise<{ id: string; secret: string }> {
    const result = await t.gql(CREATE, { input: { url: receiver.url, events } }, admin.accessToken);
    expect(result.errors).toBeUndefined();
    return { id: result.data!.createWebhookEndpoint.endpoint.id, secret: result.data!.createWebhookEndpoint.secret };
  }

  /** Makes jobs scheduled for later due now (the backoff waits are real otherwise). */
  async function fastForward(): Promise<void> {
    await t.sql(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'webhook:%'`);
  }

  it('writes deliveries with the business change and signs them with the documented recipe', async () => {
    const { id, secret } = await endpoint(['membership.activated', 'member.joined']);
    const member = await signUpUser(t);
    const tierId = await createTier(t, admin);
    expect((await t.gql(GRANT, { userId: member.id, tierId }, admin.accessToken)).errors).toBeUndefined();
    const rows = await t.sql(`SELECT event_type FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY event_type`, [id]);
    expect(rows.map((r) => r.event_type)).toEqual(['member.joined', 'membership.activated']);
    await t.runJobs();
    expect(receiver.received).toHaveLength(2);
    for (const request of receiver.received) {
      expect(verify(secret, request.body, String(request.headers['guildhall-signature']))).toBe(true);
      expect(verify('whsec_wrong', request.body, String(request.headers['guildhall-signature']))).toBe(false);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({ id: request.headers['guildhall-event-id'], data: { userId: member.id, tierId } });
      expect(typeof body.createdAt).toBe('string');
      expect(request.headers['content-type']).toBe('application/json');
    }
    const log = await t.gql(DELIVERIES, { endpointId: id }, admin.accessToken);
    expect(log.data!.webhookDeliveries.edges.map((e: any) => e.node.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(log.data!.webhookDeliveries.edges[0].node.attemptLog[0]).toMatchObject({ statusCode: 200, error: null });
  });

  it('a refused change writes no delivery', async () => {
    const { id } = await endpoint(['membership.activated']);
    const member = await signUpUser(t);
    const tierId = await createTier(t, admin);
    await t.gql(GRANT, { userId: member.id, tierId }, admin.accessToken);
    expect(errorCode(await t.gql(GRANT, { userId: member.id, tierId }, admin.accessToken))).toBe('CONFLICT');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1`, [id]);
    expect(n).toBe(1);
  });

  it('a receiver that fails twice then succeeds gets 3 attempts with the same event id; backoff waits between them', async () => {
    const { id } = await endpoint(['payment.succeeded']);
    await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId: 'p1' }));
    const [delivery] = await t.sql(`SELECT id, event_id FROM webhook_deliveries WHERE endpoint_id = $1`, [id]);
    receiver.failuresLeft.set(delivery.event_id, 2);
    await t.runJobs();
    expect(receiver.received).toHaveLength(1);
    const [waiting] = await t.sql(`SELECT status, attempts, next_attempt_at FROM webhook_deliveries WHERE id = $1`, [delivery.id]);
    expect(waiting.status).toBe('PENDING');
    expect(new Date(waiting.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    await t.runJobs();
    expect(receiver.received).toHaveLength(1); // not due yet
    await fastForward();
    await t.runJobs();
    await fastForward();
    await t.runJobs();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['guildhall-event-id']))).toEqual(new Set([delivery.event_id]));
    const log = await t.gql(DELIVERIES, { endpointId: id }, admin.accessToken);
    const node = log.data!.webhookDeliveries.edges[0].node;
    expect(node).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 200 });
    expect(node.attemptLog.map((a: any) => a.statusCode)).toEqual([200, 500, 500]);
    for (const attempt of node.attemptLog) expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    const [endpointRow] = await t.sql(`SELECT failing_since FROM webhook_endpoints WHERE id = $1`, [id]);
    expect(endpointRow.failing_since).toBeNull();
  });

  it('sends again on request with the same event id', async () => {
    const { id } = await endpoint(['payment.refunded']);
    await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.refunded', { paymentId: 'p2' }));
    await t.runJobs();
    const [delivery] = await t.sql(`SELECT id, event_id FROM webhook_deliveries WHERE endpoint_id = $1`, [id]);
    const resent = await t.gql(RESEND, { deliveryId: delivery.id }, admin.accessToken);
    expect(resent.data!.resendWebhookDelivery.status).toBe('PENDING');
    await t.runJobs();
    expect(receiver.received.map((r) => r.headers['guildhall-event-id'])).toEqual([delivery.event_id, delivery.event_id]);
  });

  it('switches off an endpoint that failed for 3 days and emails the admins', async () => {
    const { id } = await endpoint(['payment.succeeded']);
    receiver.alwaysFail = true;
    await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId: 'p3' }));
    await t.sql(`UPDATE webhook_deliveries SET retry_window_start = now() - interval '3 days' WHERE endpoint_id = $1`, [id]);
    await t.sql(`UPDATE webhook_endpoints SET failing_since = now() - interval '3 days 1 minute' WHERE id = $1`, [id]);
    await t.runJobs();
    const [delivery] = await t.sql(`SELECT status FROM webhook_deliveries WHERE endpoint_id = $1`, [id]);
    expect(delivery.status).toBe('FAILED');
    const list = await t.gql(LIST, {}, admin.accessToken);
    expect(list.data!.webhookEndpoints[0]).toMatchObject({ id, enabled: false, disabledReason: expect.stringContaining('3 days') });
    const mail = await t.sql(`SELECT to_address FROM outbox_messages WHERE template = 'webhook-endpoint-disabled'`);
    expect(mail.map((m) => m.to_address)).toContain(admin.email);
    // A disabled endpoint gets no new deliveries; switched on again, it does.
    await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId: 'p4' }));
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1`, [id]);
    expect(n).toBe(1);
    const on = await t.gql(UPDATE, { id, input: { enabled: true } }, admin.accessToken);
    expect(on.data!.updateWebhookEndpoint).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('1,000 deliveries are each sent once, with two job runners at work', async () => {
    await endpoint(['event.attendance.recorded']);
    const events = t.app.get(DomainEvents);
    for (let batch = 0; batch < 10; batch++) {
      await t.dataSource.transaction(async (m) => {
        for (let i = 0; i < 100; i++) await events.record(m, 'event.attendance.recorded', { n: batch * 100 + i });
      });
    }
    await Promise.all([t.runJobs(), t.runJobs()]);
    await t.runJobs();
    const ids = receiver.received.map((r) => String(r.headers['guildhall-event-id']));
    expect(ids).toHaveLength(1000);
    expect(ids.length - new Set(ids).size).toBe(0);
    const [{ delivered }] = await t.sql(`SELECT count(*)::int AS delivered FROM webhook_deliveries WHERE status = 'DELIVERED'`);
    expect(delivered).toBe(1000);
  }, 120_000);

  it('rolls the secret: the old one signs beside the new one (a second v1) for the hours asked, then stops', async () => {
    const { id, secret: first } = await endpoint(['payment.succeeded']);
    const send = async (paymentId: string) => {
      await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId }));
      await t.runJobs();
      const last = receiver.received.at(-1)!;
      return { body: last.body, signature: String(last.headers['guildhall-signature']) };
    };
    const rolled = await t.gql(ROLL, { id, hours: 24 }, admin.accessToken);
    expect(rolled.errors).toBeUndefined();
    const { secret: second, endpoint: after } = rolled.data!.rollWebhookEndpointSecret;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    const until = new Date(after.previousSecretExpiresAt).getTime();
    expect(Math.abs(until - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
    const both = await send('p-both');
    expect(both.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect([verify(second, both.body, both.signature), verify(first, both.body, both.signature)]).toEqual([true, true]);

    await t.sql(`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const lapsed = await send('p-lapsed');
    expect([verify(second, lapsed.body, lapsed.signature), verify(first, lapsed.body, lapsed.signature)]).toEqual([true, false]);
    const listed = await t.gql(`{ webhookEndpoints { id previousSecretExpiresAt } }`, {}, admin.accessToken);
    expect(listed.data!.webhookEndpoints.find((e: any) => e.id === id)).toEqual({ id, previousSecretExpiresAt: null });

    const third = (await t.gql(ROLL, { id, hours: 0 }, admin.accessToken)).data!.rollWebhookEndpointSecret;
    expect(third.endpoint.previousSecretExpiresAt).toBeNull();
    const now = await send('p-now');
    expect(now.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect([verify(third.secret, now.body, now.signature), verify(second, now.body, now.signature)]).toEqual([true, false]);
    const [audit] = await t.sql(`SELECT count(*)::int AS n, bool_or(coalesce(before::text, '') || after::text LIKE '%whsec_%') AS leaked FROM audit_log WHERE action = 'webhook.endpoint.roll-secret' AND target_id = $1`, [id]);
    expect(audit).toEqual({ n: 2, leaked: false });
  });

  it('rolling refuses hours out of range, naming the argument, and an unknown endpoint', async () => {
    const { id } = await endpoint(['payment.succeeded']);
    for (const hours of [-1, 73]) {
      const bad = await t.gql(ROLL, { id, hours }, admin.accessToken);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions.fields![0]).toEqual({ path: 'keepPreviousForHours', message: 'keepPreviousForHours must be between 0 and 72' });
    }
    expect(errorCode(await t.gql(ROLL, { id: '00000000-0000-4000-8000-000000000000' }, admin.accessToken))).toBe('NOT_FOUND');
    const [row] = await t.sql(`SELECT previous_secret FROM webhook_endpoints WHERE id = $1`, [id]);
    expect(row.previous_secret).toBeNull();
  });

  it('validates input, naming the field', async () => {
    const bad = await t.gql(CREATE, { input: { url: 'ftp://example.org/x', events: ['payment.succeeded'] } }, admin.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields![0].path).toBe('input.url');
    const unknown = await t.gql(CREATE, { input: { url: receiver.url, events: ['payment.stolen'] } }, admin.accessToken);
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].extensions.fields![0].path).toMatch(/^input\.events/);
    const creds = await t.gql(CREATE, { input: { url: 'https://user:pw@example.org/x', events: ['payment.succeeded'] } }, admin.accessToken);
    expect(errorCode(creds)).toBe('BAD_USER_INPUT');
  });

  it('authorization matrix: admins only', async () => {
    const { id } = await endpoint(['payment.succeeded']);
    const member = await signUpUser(t);
    const ops: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: { url: receiver.url, events: ['payment.succeeded'] } }],
      [UPDATE, { id, input: { enabled: false } }],
      [DELETE, { id }],
      [LIST, {}],
      [DELIVERIES, { endpointId: id }],
      [RESEND, { deliveryId: id }],
      [ROLL, { id }],
    ];
    for (const [query, variables] of ops) {
      expect(errorCode(await t.gql(query, variables))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(query, variables, member.accessToken))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(RESEND, { deliveryId: id }, admin.accessToken))).toBe('NOT_FOUND');
    expect((await t.gql(DELETE, { id }, admin.accessToken)).data!.deleteWebhookEndpoint).toBe(true);
    expect(errorCode(await t.gql(DELIVERIES, { endpointId: id }, admin.accessToken))).toBe('NOT_FOUND');
  });
});

describe('outgoing webhooks: SSRF guard (default settings)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x', 'http://169.254.169.254/latest', 'http://10.0.0.5/x'])(
    'refuses %s',
    async (url) => {
      const result = await t.gql(CREATE, { input: { url, events: ['payment.succeeded'] } }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields![0].path).toBe('input.url');
    },
  );

  it('refuses to send to a loopback address even when the row says so (checked at connect time)', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      await t.sql(`INSERT INTO webhook_endpoints (url, events, secret) VALUES ($1, ARRAY['payment.succeeded'], 'whsec_x')`, [receiver.url.replace('127.0.0.1', 'localhost')]);
      await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId: 'p' }));
      await t.runJobs();
      expect(receiver.received).toHaveLength(0);
      const [attempt] = await t.sql(`SELECT status_code, error FROM webhook_delivery_attempts`);
      expect(attempt.status_code).toBeNull();
      expect(attempt.error).toMatch(/private or loopback/);
    } finally {
      await receiver.stop();
    }
  });
});
