import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError, DomainEvents, JobRunnerService } from '../../libs/core/src/index.js';
import { verifySignature } from '../../libs/integrations/src/webhooks/webhook-signature.js';
import { totpCode } from '../factories/totp.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const START_TOTP = `mutation { startTotpEnrollment { secret } }`;
const CONFIRM_TOTP = `mutation($code: String!) { confirmTotpEnrollment(code: $code) }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const ME = `{ me { id } }`;
const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;
const ROLL = `mutation($id: ID!) { rollWebhookEndpointSecret(id: $id) { secret } }`;

const keys = (...ids: string[]) => ids.map((id) => `${id}:${KEYS[id]}`).join(',');
const KEYS: Record<string, string> = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64'), k3: randomBytes(32).toString('base64') };


/** Records the signature header of each request it receives. */
async function receiver(): Promise<{ server: Server; url: string; received: Array<{ body: string; signature: string }> }> {
  const received: Array<{ body: string; signature: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['guildhall-signature']) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

describe('secrets at rest (GUILDHALL_ENCRYPTION_KEYS)', () => {
  let plain: TestApp;
  const restarts: TestApp[] = [];
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let admin: TestUser;
  let member: TestUser;
  let totpSecret: string;
  let webhookSecret: string;
  let endpointId: string;

  // Started without JWT_SECRET: the JWT key is generated and kept in app_secrets, as in the default setup.
  const env = { JWT_SECRET: '', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' };
  const restart = async (encryptionKeys: string) => {
    const app = await startTestApp({ ...env, GUILDHALL_ENCRYPTION_KEYS: encryptionKeys }, plain);
    restarts.push(app);
    return app;
  };
  const stored = async () => {
    const [row] = await plain.sql(
      `SELECT (SELECT secret FROM account_totp WHERE user_id = $1) AS totp, (SELECT secret FROM webhook_endpoints) AS webhook,
              (SELECT value FROM app_secrets WHERE name = 'jwt_signing_key') AS jwt`,
      [member.id],
    );
    return row as { totp: string; webhook: string; jwt: string };
  };
  const logsInWithTotp = async (t: TestApp) => {
    // A code is good once per 30-second step: forget the step spent before, as the passing of time would.
    await plain.sql(`UPDATE account_totp SET last_used_step = NULL WHERE user_id = $1`, [member.id]);
    const result = await t.gql(LOG_IN, { input: { email: member.email, password: member.password, totpCode: totpCode(totpSecret) } });
    expect(result.errors).toBeUndefined();
    expect((await t.gql(ME, {}, result.data!.logIn.accessToken)).data!.me.id).toBe(member.id);
  };
  const signsWebhooks = async (t: TestApp, alsoWith?: string) => {
    const before = hooks.received.length;
    await t.dataSource.transaction((m) => t.app.get(DomainEvents).record(m, 'payment.succeeded', { paymentId: `p${before}` }));
    await t.app.get(JobRunnerService).runDueJobs();
    expect(hooks.received).toHaveLength(before + 1);
    const { body, signature } = hooks.received[before];
    expect(verifySignature(webhookSecret, body, signature)).toBe(true);
    if (alsoWith) expect(verifySignature(alsoWith, body, signature)).toBe(true);
  };

  beforeAll(async () => {
    hooks = await receiver();
    plain = await startTestApp(env);
    admin = await createAdminUser(plain);
    member = await signUpUser(plain);
    totpSecret = (await plain.gql(START_TOTP, {}, member.accessToken)).data!.startTotpEnrollment.secret;
    expect((await plain.gql(CONFIRM_TOTP, { code: totpCode(totpSecret) }, member.accessToken)).errors).toBeUndefined();
    const created = await plain.gql(CREATE_ENDPOINT, { input: { url: hooks.url, events: ['payment.succeeded'] } }, admin.accessToken);
    webhookSecret = created.data!.createWebhookEndpoint.secret;
    endpointId = created.data!.createWebhookEndpoint.endpoint.id;
  });
  afterAll(async () => {
    for (const app of restarts.splice(0)) await app.close();
    await plain?.close();
    hooks?.server.close();
  });

  it('without keys, secrets are stored as they are (the default, and how earlier versions stored them)', async () => {
    const now = await stored();
    expect(now.totp).toBe(totpSecret);
    expect(now.webhook).toBe(webhookSecret);
    expect(now.jwt).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('a start with a key seals every stored secret, and sign-in, tokens and webhook signatures work as before', async () => {
    const before = await stored();
    // More than one batch of the reseal (500 a statement).
    await plain.sql(`INSERT INTO app_secrets (name, value) SELECT 'bulk-' || n, 'plain-' || n FROM generate_series(1, 1200) n`);
    const sealed = await restart(keys('k1'));
    const [bulk] = await sealed.sql(`SELECT count(*)::int AS n, bool_and(value LIKE 'enc:v1:k1:%') AS sealed FROM app_secrets WHERE name LIKE 'bulk-%'`);
    expect(bulk).toEqual({ n: 1200, sealed: true });
    const now = await stored();
    for (const [name, value] of Object.entries(now)) {
      expect(value).toMatch(/^enc:v1:k1:/);
      expect(value).not.toContain(before[name as keyof typeof before]);
    }
    expect((await sealed.gql(ME, {}, member.accessToken)).data!.me.id).toBe(member.id); // the JWT key opened is the same
    await logsInWithTotp(sealed);
    await signsWebhooks(sealed);

    // A roll keeps the replaced secret, sealed in its own column, signing beside the new one.
    const replaced = webhookSecret;
    webhookSecret = (await sealed.gql(ROLL, { id: endpointId }, admin.accessToken)).data!.rollWebhookEndpointSecret.secret;
    const [endpointRow] = await sealed.sql(`SELECT secret, previous_secret FROM webhook_endpoints`);
    expect(endpointRow.previous_secret).toMatch(/^enc:v1:k1:/);
    expect(`${endpointRow.secret} ${endpointRow.previous_secret}`).not.toMatch(/whsec_/);
    await signsWebhooks(sealed, replaced);

    const another = await signUpUser(sealed);
    const secret = (await sealed.gql(START_TOTP, {}, another.accessToken)).data!.startTotpEnrollment.secret;
    const [row] = await sealed.sql(`SELECT secret FROM account_totp WHERE user_id = $1`, [another.id]);
    expect(row.secret).toMatch(/^enc:v1:k1:/);
    expect(row.secret).not.toContain(secret);
    expect((await sealed.gql(CONFIRM_TOTP, { code: totpCode(secret) }, another.accessToken)).errors).toBeUndefined();
  });

  it('a new key put first reseals everything with it at the next start; the old one only has to open until then', async () => {
    const rotated = await restart(keys('k2', 'k1'));
    const now = await stored();
    for (const value of Object.values(now)) expect(value).toMatch(/^enc:v1:k2:/);
    const [{ left }] = await rotated.sql(
      `SELECT (SELECT count(*) FROM account_totp WHERE secret NOT LIKE 'enc:v1:k2:%') + (SELECT count(*) FROM app_secrets WHERE value NOT LIKE 'enc:v1:k2:%')::int AS left`,
    );
    expect(Number(left)).toBe(0);
    const [endpointRow] = await rotated.sql(`SELECT previous_secret FROM webhook_endpoints`);
    expect(endpointRow.previous_secret).toMatch(/^enc:v1:k2:/);
    const afterRotation = await restart(keys('k2')); // k1 retired
    await logsInWithTotp(afterRotation);
    await signsWebhooks(afterRotation);
  });

  it('a start without the key that sealed stored values, or with another under its id, refuses, naming the setting and the key, and changes nothing', async () => {
    const before = await stored();
    for (const given of [keys('k3'), '', `k2:${randomBytes(32).toString('base64')}`]) {
      // With JWT_SECRET set, nothing reads a sealed value while starting: the check of every sealed column refuses.
      const refused = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', GUILDHALL_ENCRYPTION_KEYS: given }, plain).then(
        (app) => (restarts.push(app), undefined),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ConfigError);
      expect((refused as ConfigError).message).toMatch(
        /^Invalid configuration: GUILDHALL_ENCRYPTION_KEYS (has no key "k2", which sealed values in [a-z_]+\.[a-z]+: add it back after the current key|key "k2" does not open a value in [a-z_]+\.[a-z]+ \(another key under that id, or the value was altered\))$/,
      );
    }
    expect(await stored()).toEqual(before);
  });
});
