import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdminUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

describe('GraphQL endpoint limits and hygiene', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }>; data?: unknown } };
  }

  it('caps `first` at 100 with BAD_USER_INPUT naming the argument', async () => {
    const result = await t.gql(`{ auditLog(first: 1000000) { totalCount } }`, {}, admin.accessToken);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields![0].path).toBe('first');
    const ok = await t.gql(`{ auditLog(first: 100) { totalCount } }`, {}, admin.accessToken);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a query nested 12 deep with the default limit, before any resolver runs', async () => {
    let selection = 'id';
    for (let i = 0; i < 5; i++) selection = `membership { user { ${selection} } }`;
    const twelve = `{ me { ${selection} } }`;
    const result = await t.gql(twelve, {}, admin.accessToken);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/exceeds maximum operation depth of 10/);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await post({ query: `{ ${aliases} }` });
    expect(result.status).toBe(400);
    expect(result.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.body.errors![0].message).toMatch(/aliases/);
    const fine = await post({ query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(fine.body.errors).toBeUndefined();
  });

  describe('with tight depth and cost limits', () => {
    let small: TestApp;
    let smallAdmin: TestUser;
    beforeAll(async () => {
      small = await startTestApp({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COST: '100' });
      smallAdmin = await createAdminUser(small);
    });
    afterAll(async () => {
      await small?.close();
    });

    it('refuses a query nested deeper than the limit, before any resolver runs', async () => {
      const before = await small.sql<{ n: number }>(`SELECT count(*)::int AS n FROM login_failures`);
      const result = await small.gql(`{ auditLog(first: 1) { edges { node { id } } } }`, {}, smallAdmin.accessToken);
      expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors![0].message).toMatch(/exceeds maximum operation depth/);
      expect(result.status).toBe(400);
      expect(await small.sql(`SELECT count(*)::int AS n FROM login_failures`)).toEqual(before);
    });

    it('refuses a query whose cost is over the limit, and allows a cheap one', async () => {
      const costly = await small.gql(`{ auditLog(first: 5) { totalCount pageInfo { hasNextPage } } }`, {}, smallAdmin.accessToken);
      expect(costly.errors).toBeUndefined();
      const expensive = await small.gql(`{ a: auditLog(first: 100) { edges { cursor } } }`, {}, smallAdmin.accessToken);
      expect(errorCode(expensive)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(expensive.errors![0].message).toMatch(/too expensive/);
    });

    it('costs one document again for each set of variables (costs are remembered per document, operation and variables)', async () => {
      const page = `query Page($first: Int) { auditLog(first: $first) { edges { cursor } } }`;
      const outcome = async (variables: Record<string, unknown>, operationName = 'Page') => {
        const response = await fetch(`${small.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${smallAdmin.accessToken}` },
          body: JSON.stringify({ query: `${page} query Other { me { id } }`, operationName, variables }),
        });
        const body = (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> };
        const error = body.errors?.[0];
        return error ? `${error.extensions.code}${/too expensive/.test(error.message) ? ' (too expensive)' : ''}` : 'OK';
      };
      expect(await outcome({ first: 5 })).toBe('OK');
      expect(await outcome({ first: 100 })).toBe('GRAPHQL_VALIDATION_FAILED (too expensive)');
      expect(await outcome({ first: 5 })).toBe('OK');
      expect(await outcome({ first: 100 })).toBe('GRAPHQL_VALIDATION_FAILED (too expensive)');
      expect(await outcome({ first: 100 }, 'Other')).toBe('OK');
      expect(await outcome({ first: 'many' })).toBe('BAD_USER_INPUT');
      expect(await outcome({ first: 'many' })).toBe('BAD_USER_INPUT');
    });
  });

  describe('in production', () => {
    let prod: TestApp;
    beforeAll(async () => {
      prod = await startTestApp({ NODE_ENV: 'production' });
    });
    afterAll(async () => {
      await prod?.close();
    });

    it('turns introspection off and gives no "did you mean" hints', async () => {
      const introspection = await prod.gql(`{ __schema { types { name } } }`);
      expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await prod.gql(`{ mee { id } }`);
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
      const devTypo = await t.gql(`{ mee { id } }`);
      expect(devTypo.errors![0].message).toMatch(/Did you mean/);
    });

    it('creates the first admin from GUILDHALL_ADMIN_EMAIL and GUILDHALL_ADMIN_PASSWORD', async () => {
      const boot = await startTestApp({ GUILDHALL_ADMIN_EMAIL: 'First.Admin@Example.org', GUILDHALL_ADMIN_PASSWORD: 'first admin password' });
      try {
        expect(await boot.sql(`SELECT email, role FROM users`)).toEqual([{ email: 'first.admin@example.org', role: 'ADMIN' }]);
        expect(await boot.sql(`SELECT action, actor_id FROM audit_log`)).toEqual([{ action: 'user.createAdmin', actor_id: null }]);
      } finally {
        await boot.close();
      }
    });
  });

  it('turns batched requests away', async () => {
    const result = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(result.status).toBe(400);
  });

  it('prevents CSRF: a simple cross-site request is refused', async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET' });
    expect(response.status).toBe(400);
    const preflighted = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('answers an oversized body with 413 and a GraphQL-shaped error', async () => {
    const result = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    expect(result.status).toBe(413);
    expect(result.body.errors![0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400, not a stack trace', async () => {
    const result = await post('{"query": ');
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).not.toMatch(/at .*\.js/);
  });

  it('gives a request id on every response', async () => {
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abcdef12' }, body: '{"query":"{ __typename }"}' });
    expect(response.headers.get('x-request-id')).toBe('trace-abcdef12');
  });
});
