import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUpUser, TestUser } from '../factories/users.js';
import { rawPost } from '../utils/raw-http.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/**
 * POST /graphql with a JSON body is answered by `graphqlPostMiddleware` (straight to Apollo, ahead of Express's
 * router); every other GraphQL request by Express's body parsers and Nest's Apollo middleware. Both must answer alike.
 */
describe('GraphQL over POST: the direct path and the Express path answer alike', () => {
  let t: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    member = await signUpUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ME = JSON.stringify({ query: '{ me { id email } }' });

  const raw = (path: string, headers: Record<string, string | number>, body: string) => rawPost(`${t.url}${path}`, headers, body);

  it('answers a JSON POST directly: the same data, status and headers as through Express, without an ETag', async () => {
    const auth = { authorization: `Bearer ${member.accessToken}`, 'x-request-id': 'direct-path-1' };
    const direct = await raw('/graphql', { 'content-type': 'application/json', ...auth }, ME);
    // A query string sends the same request down Express's path (Nest's Apollo middleware).
    const viaExpress = await raw('/graphql?via=express', { 'content-type': 'application/json', ...auth }, ME);
    expect(direct.status).toBe(200);
    expect(JSON.parse(direct.body)).toEqual({ data: { me: { id: member.id, email: member.email } } });
    expect(JSON.parse(viaExpress.body)).toEqual(JSON.parse(direct.body));
    expect(direct.headers['content-type']).toBe(viaExpress.headers['content-type']);
    expect(direct.headers['x-request-id']).toBe('direct-path-1');
    expect(Number(direct.headers['content-length'])).toBe(Buffer.byteLength(direct.body));
    expect(viaExpress.headers.etag).toBeDefined();
    expect(direct.headers.etag).toBeUndefined();
  });

  it("answers a JSON POST ahead of Express's router; every other request still goes through it", async () => {
    const express = t.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => unknown };
    const handle = express.handle;
    let walked = 0;
    express.handle = function (this: unknown, ...args: unknown[]) {
      walked++;
      return handle.apply(this, args);
    };
    try {
      const auth = { authorization: `Bearer ${member.accessToken}` };
      const direct = await raw('/graphql', { 'content-type': 'application/json', ...auth }, ME);
      expect(JSON.parse(direct.body)).toEqual({ data: { me: { id: member.id, email: member.email } } });
      expect(direct.headers['x-request-id']).toEqual(expect.any(String));
      expect(walked).toBe(0);
      await raw('/graphql?via=express', { 'content-type': 'application/json', ...auth }, ME);
      expect(walked).toBe(1);
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
      expect(walked).toBe(2);
    } finally {
      express.handle = handle;
    }
  });

  it('takes a charset parameter and reads a body sent in several chunks', async () => {
    const padded = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'é'.repeat(200_000) } });
    const response = await raw('/graphql', { 'content-type': 'application/json; charset=UTF-8', authorization: `Bearer ${member.accessToken}` }, padded);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { me: { id: member.id } } });
  });

  it.each([
    ['a JSON string', '"{ me { id } }"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['broken JSON', '{"query": '],
  ])('refuses %s as a body with 400 BAD_REQUEST, as body-parser does', async (_name, body) => {
    for (const path of ['/graphql', '/graphql?via=express']) {
      const response = await raw(path, { 'content-type': 'application/json' }, body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('refuses a body shorter than its Content-Length without answering from half a body', async () => {
    const response = await new Promise<{ status: number } | 'closed'>((resolve) => {
      const req = httpRequest(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': ME.length + 10 } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      req.on('error', () => resolve('closed'));
      req.write(ME);
      // The client gives up before sending the rest: nothing may be executed from what came.
      setTimeout(() => req.destroy(), 200);
    });
    expect(response).toBe('closed');
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE before reading it, on both paths', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    for (const path of ['/graphql', '/graphql?via=express']) {
      const response = await raw(path, { 'content-type': 'application/json' }, big);
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('leaves other content types to Express: a GraphQL request as text/plain is refused by CSRF prevention as before', async () => {
    const response = await raw('/graphql', { 'content-type': 'text/plain' }, ME);
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/CSRF|content-type/i);
  });

  it('sets the refresh cookie on a browser log-in through the direct path (Express response methods still work)', async () => {
    const response = await raw(
      '/graphql',
      { 'content-type': 'application/json', 'x-guildhall-session': 'cookie' },
      JSON.stringify({ query: 'mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }', variables: { input: { email: member.email, password: member.password } } }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).data.logIn.accessToken).toEqual(expect.any(String));
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);
  });
});
