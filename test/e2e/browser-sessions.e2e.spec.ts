import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUpUser, uniqueEmail } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const SESSION = 'accessToken accessTokenExpiresAt refreshToken user { id }';
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION} } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${SESSION} } }`;
const REFRESH = `mutation RefreshSession { refreshSession { ${SESSION} } }`;
const REFRESH_WITH = `mutation($t: String) { refreshSession(refreshToken: $t) { ${SESSION} } }`;
const LOG_OUT = `mutation { logOut }`;
const ME = `{ me { id } }`;
const PASSWORD = 'correct horse battery';

interface Reply {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions: { code: string; fields?: unknown[]; reason?: string } }> };
  setCookies: string[];
}

/** The refresh cookie's value from Set-Cookie headers, or undefined. */
function refreshCookie(setCookies: string[]): string | undefined {
  const line = setCookies.find((c) => c.startsWith('guildhall_refresh='));
  return line?.slice('guildhall_refresh='.length).split(';')[0];
}

describe('browser sessions: the refresh token in an httpOnly cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REFRESH_TOKEN_TTL_DAYS: '30', ACCESS_TOKEN_TTL_SECONDS: '900' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** POST /graphql as the portal does: X-Guildhall-Session: cookie, the cookie if we have one. */
  async function browser(query: string, variables: Record<string, unknown> = {}, cookie?: string, token?: string): Promise<Reply> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-guildhall-session': 'cookie',
        ...(cookie !== undefined ? { cookie: `guildhall_refresh=${cookie}` } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'], setCookies: response.headers.getSetCookie() };
  }

  async function browserSignUp(): Promise<{ cookie: string; accessToken: string; email: string }> {
    const email = uniqueEmail('browser');
    const reply = await browser(SIGN_UP, { input: { email, password: PASSWORD, fullName: 'Browser Person' } });
    const cookie = refreshCookie(reply.setCookies);
    if (!cookie || !reply.body.data) throw new Error(`sign-up failed: ${JSON.stringify(reply.body)}`);
    return { cookie, accessToken: reply.body.data.signUp.accessToken, email };
  }

  it('sets the cookie (httpOnly, SameSite=Lax, Path=/graphql, refresh lifetime) and leaves the token out of the body', async () => {
    const before = Date.now();
    const email = uniqueEmail('browser');
    const signUp = await browser(SIGN_UP, { input: { email, password: PASSWORD, fullName: 'Cookie Person' } });
    const logIn = await browser(LOG_IN, { input: { email, password: PASSWORD } });
    for (const [reply, field] of [[signUp, 'signUp'], [logIn, 'logIn']] as const) {
      const payload = reply.body.data![field];
      expect(payload.refreshToken).toBeNull();
      expect(typeof payload.accessToken).toBe('string');
      const expiresAt = Date.parse(payload.accessTokenExpiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000);
      const line = reply.setCookies.find((c) => c.startsWith('guildhall_refresh='))!;
      expect(line).toBeDefined();
      const attributes = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/graphql', `max-age=${30 * 86_400}`]));
      // The test API is on 127.0.0.1 with PUBLIC_URL on localhost: plain http, so no Secure.
      expect(attributes).not.toContain('secure');
      expect(refreshCookie(reply.setCookies)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(refreshCookie(signUp.setCookies)).not.toBe(refreshCookie(logIn.setCookies));
  });

  it('rotates the cookie on refresh; the new access token works', async () => {
    const { cookie } = await browserSignUp();
    const refreshed = await browser(REFRESH, {}, cookie);
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.body.data!.refreshSession.refreshToken).toBeNull();
    const rotated = refreshCookie(refreshed.setCookies);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(cookie);
    const me = await t.gql(ME, {}, refreshed.body.data!.refreshSession.accessToken);
    expect(me.data?.me.id).toBe(refreshed.body.data!.refreshSession.user.id);
    // And the rotated cookie refreshes again.
    const again = await browser(REFRESH, {}, rotated);
    expect(again.body.data?.refreshSession.user.id).toBe(refreshed.body.data!.refreshSession.user.id);
  });

  it('ends the whole session when a spent cookie is used again, and clears the cookie', async () => {
    const { cookie } = await browserSignUp();
    const refreshed = await browser(REFRESH, {}, cookie);
    const rotated = refreshCookie(refreshed.setCookies)!;
    const freshAccess = refreshed.body.data!.refreshSession.accessToken;

    const reuse = await browser(REFRESH, {}, cookie);
    expect(reuse.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(reuse.setCookies.find((c) => c.startsWith('guildhall_refresh='))).toMatch(/guildhall_refresh=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    // The thief's and the owner's newer tokens die with the session.
    expect((await browser(REFRESH, {}, rotated)).body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, freshAccess)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logs out with the cookie: the session ends and the cookie is cleared', async () => {
    const { cookie, accessToken } = await browserSignUp();
    const out = await browser(LOG_OUT, {}, cookie);
    expect(out.body.data).toEqual({ logOut: true });
    const cleared = out.setCookies.find((c) => c.startsWith('guildhall_refresh='))!;
    expect(cleared).toMatch(/^guildhall_refresh=;/);
    expect(cleared).toMatch(/Path=\/graphql/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await browser(REFRESH, {}, cookie)).body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, accessToken)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED when a browser has no cookie', async () => {
    const reply = await browser(REFRESH);
    expect(reply.body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'NO_SESSION' }));
    expect((await browser(LOG_OUT)).body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the body-token API for other clients: no cookie set, no cookie read', async () => {
    const user = await signUpUser(t);
    expect(user.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOG_IN, variables: { input: { email: user.email, password: user.password } } }),
    });
    expect(raw.headers.getSetCookie()).toEqual([]);
    expect(((await raw.json()) as Reply['body']).data!.logIn.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const refreshed = await t.gql(REFRESH_WITH, { t: user.refreshToken });
    expect(refreshed.data!.refreshSession.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Without the header, a cookie is ignored and the argument is required (named in fields).
    const { cookie } = await browserSignUp();
    const noArgument = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `guildhall_refresh=${cookie}` },
      body: JSON.stringify({ query: REFRESH }),
    });
    const body = (await noArgument.json()) as Reply['body'];
    expect(body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'refreshToken' })] }));
    expect(noArgument.headers.getSetCookie()).toEqual([]);
    // The cookie was not spent by that request.
    expect((await browser(REFRESH, {}, cookie)).body.data?.refreshSession.accessToken).toEqual(expect.any(String));
  });

  it('keeps CSRF prevention on: a simple cross-site request with the cookie is refused, the portal’s GET passes', async () => {
    const { cookie } = await browserSignUp();
    const simple = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `guildhall_refresh=${cookie}` },
      body: JSON.stringify({ query: REFRESH }),
    });
    expect(simple.status).toBe(400);
    const query = encodeURIComponent('{ __typename }');
    expect((await fetch(`${t.url}/graphql?query=${query}`)).status).toBe(400);
    const portalGet = await fetch(`${t.url}/graphql?query=${query}`, { headers: { 'x-guildhall-session': 'cookie' } });
    expect(await portalGet.json()).toEqual({ data: { __typename: 'Query' } });
    // The simple request spent nothing.
    expect((await browser(REFRESH, {}, cookie)).body.data?.refreshSession.accessToken).toEqual(expect.any(String));
  });
});

describe('browser sessions behind a public https address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://members.example.org' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A request whose Host is the public name (as behind a proxy); fetch cannot set Host. */
  function logInAt(host: string, email: string): Promise<string[]> {
    const { port } = new URL(t.url);
    const body = JSON.stringify({ query: LOG_IN, variables: { input: { email, password: PASSWORD } } });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { host, 'content-type': 'application/json', 'x-guildhall-session': 'cookie', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve([res.headers['set-cookie'] ?? []].flat()));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('marks the cookie Secure, except for a request to a loopback host', async () => {
    const user = await signUpUser(t);
    const publicCookie = (await logInAt('members.example.org', user.email)).find((c) => c.startsWith('guildhall_refresh='))!;
    expect(publicCookie.split(';').map((a) => a.trim().toLowerCase())).toContain('secure');
    const localCookie = (await logInAt('localhost', user.email)).find((c) => c.startsWith('guildhall_refresh='))!;
    expect(localCookie.split(';').map((a) => a.trim().toLowerCase())).not.toContain('secure');
  });
});
