import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isApiPath } from '../../apps/api/src/portal/reserved-paths.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** A built portal as Vite leaves it: index.html, hashed assets and the manifest (never served). */
function fakePortalBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-web-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("portal");');
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  return dir;
}

describe('the portal served by the API', () => {
  let t: TestApp;
  let webDir: string;
  const get = (path: string, headers: Record<string, string> = BROWSER) => fetch(`${t.url}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    webDir = fakePortalBuild();
    t = await startTestApp({ GUILDHALL_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers page addresses a browser opens with index.html, not cached, with the security headers', async () => {
    for (const path of ['/', '/login', '/events/6f1c2d1e-0000-4000-8000-000000000000', '/study-groups', '/verify/ABC-123', '/no/such/page']) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets for a year as immutable, and an unknown asset is a JSON 404', async () => {
    const asset = await get('/assets/index-abc123.js', { accept: '*/*' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("portal");');

    for (const headers of [{ accept: '*/*' }, BROWSER]) {
      const missing = await get('/assets/index-gone99.js', headers);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/application\/json/);
      expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
    }
    // Only assets/ is public: the manifest and the folder itself are not.
    expect((await get('/.vite/manifest.json', { accept: '*/*' })).status).toBe(404);
    expect(await (await get('/.vite/manifest.json')).text()).toBe(INDEX);
  });

  it('never shadows GraphQL', async () => {
    const post = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...BROWSER },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    for (const path of ['/graphql', '/graphql/anything']) {
      const opened = await get(path);
      expect(await opened.text()).not.toBe(INDEX);
      expect(opened.headers.get('content-security-policy')).toBeNull();
    }
  });

  it('never shadows the REST routes, even when a browser opens them', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(await (await get('/ready')).json()).toEqual(expect.objectContaining({ status: expect.any(String) }));

    const explorer = await get('/explorer');
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('graphiql');

    const feed = await get('/events.ics');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/text\/calendar/);

    for (const path of [
      '/events/6f1c2d1e-0000-4000-8000-000000000000.ics',
      '/study-groups/6f1c2d1e-0000-4000-8000-000000000000.ics',
      '/certificates/6f1c2d1e-0000-4000-8000-000000000000.pdf',
      '/admin/members/export.csv',
      '/webhooks/stripe',
      '/metrics',
      '/explorer/assets/nothing.js',
    ]) {
      const response = await get(path);
      expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: expect.any(Number), body: expect.not.stringContaining('id="root"') });
      expect({ path, status: response.status }).not.toEqual({ path, status: 200 });
    }
  });

  it('keeps unknown API paths and non-browser requests as JSON 404s', async () => {
    for (const [path, headers] of [
      ['/no-such-endpoint', { accept: 'application/json' }],
      ['/no-such-endpoint', { accept: '*/*' }],
      ['/health/deep', BROWSER],
      ['/auth/callback', BROWSER],
      ['/resources/1', BROWSER],
      ['/spaces/1', BROWSER],
    ] as const) {
      const response = await get(path, headers);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
    }
    const posted = await fetch(`${t.url}/login`, { method: 'POST', headers: BROWSER });
    expect(posted.status).toBe(404);
  });

  it('covers every route the API registers (a new controller must add its prefix to reserved-paths.ts)', () => {
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string } }> } }).router;
    const paths = router.stack.flatMap((layer) => (layer.route ? [layer.route.path] : []));
    // GraphQL is middleware at /graphql (in the list); the controllers' routes are these.
    expect(paths).toEqual(expect.arrayContaining(['/health', '/events/:file', '/webhooks/stripe']));
    const example = (path: string) => path.replace(/:file\b/g, 'x.ics').replace(/:[A-Za-z]+/g, 'x');
    expect(paths.filter((path) => !isApiPath(example(path)))).toEqual([]);
  });
});

describe('the API without a built portal', () => {
  let t: TestApp;
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = mkdtempSync(join(tmpdir(), 'guildhall-no-web-'));
    t = await startTestApp({ GUILDHALL_WEB_DIR: emptyDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('says how to build the portal at /, and the API still answers', async () => {
    const response = await fetch(`${t.url}/`, { headers: BROWSER });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
