import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id kind name scopes secretPrefix expiresAt lastUsedAt revokedAt ownerId } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const MINE = `{ myApiTokens { id name lastUsedAt revokedAt } }`;
const ALL = `query($first: Int, $after: String) { apiTokens(first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const ME = `{ me { id } }`;

describe('API tokens', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function staff(...permissions: string[]): Promise<TestUser> {
    const user = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = $2 WHERE id = $1`, [user.id, permissions]);
    return user;
  }

  async function makeToken(owner: TestUser, scopes: string[], extra: Record<string, unknown> = {}) {
    const result = await t.gql(CREATE, { input: { name: 'integration', scopes, ...extra } }, owner.accessToken);
    expect(result.errors).toBeUndefined();
    return result.data!.createApiToken as { secret: string; token: { id: string; secretPrefix: string; kind: string } };
  }

  it('shows the secret once, keeps only its hash, and accepts it as a bearer token', async () => {
    const owner = await staff('FINANCE');
    const { secret, token } = await makeToken(owner, ['FINANCE']);
    expect(secret).toMatch(/^ghp_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.secretPrefix)).toBe(true);
    const [row] = await t.sql(`SELECT secret_hash FROM api_tokens WHERE id = $1`, [token.id]);
    expect(row.secret_hash).not.toContain(secret.slice(4));
    expect(JSON.stringify(await t.sql(`SELECT * FROM api_tokens`))).not.toContain(secret);
    const me = await t.gql(ME, {}, secret);
    expect(me.data!.me.id).toBe(owner.id);
  });

  it('records last use at most once a minute and attributes each use in the audit log', async () => {
    const owner = await staff('FINANCE');
    const { secret, token } = await makeToken(owner, ['FINANCE']);
    await t.gql(`query Probe { me { id } }`, {}, secret);
    await t.gql(`query Probe { me { id } }`, {}, secret);
    const uses = await t.sql(`SELECT actor_id, after FROM audit_log WHERE action = 'apiToken.use' AND target_id = $1`, [token.id]);
    expect(uses).toEqual([{ actor_id: owner.id, after: { operation: 'query', operationName: 'Probe' } }]);
    const mine = await t.gql(MINE, {}, owner.accessToken);
    expect(mine.data!.myApiTokens[0].lastUsedAt).not.toBeNull();
    // A mutation is always recorded, even within the minute (here refused: the audit row says it was tried).
    await t.gql(`mutation Try { changePassword(currentPassword: "x", newPassword: "yyyyyyyyyyyy") }`, {}, secret);
    const [mutationUse] = await t.sql(`SELECT after, request_id FROM audit_log WHERE action = 'apiToken.use' AND target_id = $1 AND after->>'operation' = 'mutation'`, [token.id]);
    expect(mutationUse.after.operationName).toBe('Try');
    expect(mutationUse.request_id).toBeTruthy();
  });

  it('never exceeds its owner: never ADMIN, and no scope the owner lacks', async () => {
    const { secret } = await makeToken(admin, ['FINANCE', 'MEMBERSHIP_MANAGER']);
    // An admin's token is not an admin.
    expect(errorCode(await t.gql(`{ auditLog(first: 1) { totalCount } }`, {}, secret))).toBe('FORBIDDEN');
    const member = await signUpUser(t);
    const refused = await t.gql(CREATE, { input: { name: 'x', scopes: ['FINANCE'] } }, member.accessToken);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields![0].path).toBe('input.scopes.0');
    expect(errorCode(await t.gql(CREATE, { input: { name: 'x', scopes: ['READ_MEMBERS'] } }, member.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(CREATE, { input: { name: 'x', scopes: ['OWNER'] } }, admin.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(CREATE, { input: { name: 'x', scopes: [] } }, admin.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('acts only through staff operations: mutations that act as the person need a session', async () => {
    const owner = await staff('MEMBERSHIP_MANAGER');
    const { secret } = await makeToken(owner, ['READ_MEMBERS']);
    const change = await t.gql(`mutation { changePassword(currentPassword: "${owner.password}", newPassword: "another long one") }`, {}, secret);
    expect(errorCode(change)).toBe('FORBIDDEN');
    expect(change.errors![0].extensions.reason).toBe('API_TOKEN_NOT_ALLOWED');
    expect(errorCode(await t.gql(CREATE, { input: { name: 'more', scopes: ['READ_MEMBERS'] } }, secret))).toBe('FORBIDDEN');
  });

  it('a revoked or expired token is UNAUTHENTICATED', async () => {
    const owner = await staff('EVENT_MANAGER');
    const { secret, token } = await makeToken(owner, ['EVENT_MANAGER']);
    const revoked = await t.gql(REVOKE, { id: token.id }, owner.accessToken);
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    const afterRevoke = await t.gql(ME, {}, secret);
    expect(errorCode(afterRevoke)).toBe('UNAUTHENTICATED');
    expect(afterRevoke.errors![0].extensions.reason).toBe('TOKEN_REVOKED');

    const second = await makeToken(owner, ['EVENT_MANAGER']);
    await t.sql(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.token.id]);
    const expired = await t.gql(ME, {}, second.secret);
    expect(errorCode(expired)).toBe('UNAUTHENTICATED');
    expect(expired.errors![0].extensions.reason).toBe('TOKEN_EXPIRED');

    expect(errorCode(await t.gql(ME, {}, 'ghp_' + 'A'.repeat(43)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, 'ghp_short'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a past or too distant expiry, naming the field', async () => {
    const past = await t.gql(CREATE, { input: { name: 'x', scopes: ['FINANCE'], expiresAt: new Date(Date.now() - 1000).toISOString() } }, admin.accessToken);
    expect(past.errors![0].extensions.fields![0].path).toBe('input.expiresAt');
    const far = await t.gql(CREATE, { input: { name: 'x', scopes: ['FINANCE'], expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() } }, admin.accessToken);
    expect(far.errors![0].extensions.fields![0].path).toBe('input.expiresAt');
  });

  it("ApiToken.owner (admins): each token's account, loaded in one batch for the whole page", async () => {
    const owners = [await staff('FINANCE'), await staff('EVENT_MANAGER'), await staff('FINANCE')];
    const names = await t.sql<{ id: string; full_name: string }>(`SELECT id, full_name FROM users WHERE id = ANY($1)`, [owners.map((o) => o.id)]);
    const made = [];
    for (const owner of owners) made.push({ owner, token: (await makeToken(owner, [owner === owners[1] ? 'EVENT_MANAGER' : 'FINANCE'])).token });
    const query = (owner: string) => `query($first: Int) { apiTokens(first: $first) { edges { node { id ownerId ${owner} } } } }`;
    const without = await countQueries(() => t.gql(query(''), { first: 100 }, admin.accessToken), dataStatements);
    const withOwner = await countQueries(() => t.gql(query('owner { id fullName }'), { first: 100 }, admin.accessToken), dataStatements);
    const result = withOwner.result;
    expect(result.errors).toBeUndefined();
    // Three owners (or more), one more statement at most: the users loader batches them.
    expect(withOwner.count - without.count).toBeLessThanOrEqual(1);
    const byId = new Map(result.data!.apiTokens.edges.map((e: { node: { id: string; ownerId: string; owner: { id: string; fullName: string } } }) => [e.node.id, e.node]));
    for (const { owner, token } of made) {
      const node = byId.get(token.id) as { ownerId: string; owner: { id: string; fullName: string } };
      expect(node.owner).toEqual({ id: owner.id, fullName: names.find((n) => n.id === owner.id)!.full_name });
      expect(node.ownerId).toBe(owner.id);
    }
  });

  describe('authorization matrix', () => {
    it('createApiToken / revokeApiToken / myApiTokens / apiTokens', async () => {
      const member = await signUpUser(t);
      const other = await staff('FINANCE');
      const { token } = await makeToken(other, ['FINANCE']);
      // anonymous
      expect(errorCode(await t.gql(CREATE, { input: { name: 'x', scopes: ['FINANCE'] } }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(REVOKE, { id: token.id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MINE))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ALL))).toBe('UNAUTHENTICATED');
      // a member: not another's token, not the list of all, not a service token
      expect(errorCode(await t.gql(REVOKE, { id: token.id }, member.accessToken))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ALL, {}, member.accessToken))).toBe('FORBIDDEN');
      expect((await t.gql(MINE, {}, member.accessToken)).data!.myApiTokens).toEqual([]);
      expect(errorCode(await t.gql(CREATE, { input: { name: 'svc', scopes: ['FINANCE'], kind: 'SERVICE' } }, other.accessToken))).toBe('FORBIDDEN');
      // an admin: every token, and may revoke any
      const all = await t.gql(ALL, { first: 100 }, admin.accessToken);
      expect(all.data!.apiTokens.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(token.id);
      expect((await t.gql(REVOKE, { id: token.id }, admin.accessToken)).data!.revokeApiToken.revokedAt).not.toBeNull();
      // ApiToken.owner is ADMIN-only like the list: not to the token's own owner, nor to staff; admins see it.
      const OWNER_MINE = `{ myApiTokens { id owner { id } } }`;
      expect(errorCode(await t.gql(OWNER_MINE, {}, other.accessToken))).toBe('FORBIDDEN');
      const mine = await makeToken(other, ['FINANCE']);
      const revokedWithOwner = await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id owner { id } } }`, { id: mine.token.id }, other.accessToken);
      expect(errorCode(revokedWithOwner)).toBe('FORBIDDEN');
      expect(revokedWithOwner.data).toBeNull();
      const adminMine = await makeToken(admin, ['FINANCE']);
      const adminView = await t.gql(`{ myApiTokens { id owner { id } } }`, {}, admin.accessToken);
      expect(adminView.errors).toBeUndefined();
      expect(adminView.data!.myApiTokens).toContainEqual({ id: adminMine.token.id, owner: { id: admin.id } });
      const service = await makeToken(admin, ['EVENT_MANAGER'], { kind: 'SERVICE' });
      expect(service.secret).toMatch(/^ghs_/);
      expect(service.token.kind).toBe('SERVICE');
    });
  });

  it('holds at most 50 live tokens per account, also under concurrent requests', async () => {
    const owner = await staff('FINANCE');
    await t.sql(
      `INSERT INTO api_tokens (kind, name, owner_id, scopes, secret_hash, secret_prefix, expires_at)
       SELECT 'PERSONAL', 'seed ' || n, $1, ARRAY['FINANCE'], md5(random()::text || n), 'ghp_seed', now() + interval '1 day'
         FROM generate_series(1, 48) n`,
      [owner.id],
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.gql(CREATE, { input: { name: `race ${i}`, scopes: ['FINANCE'] } }, owner.accessToken)),
    );
    expect(results.filter((r) => !r.errors).length).toBe(2);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(4);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM api_tokens WHERE owner_id = $1 AND revoked_at IS NULL`, [owner.id]);
    expect(n).toBe(50);
  });
});
