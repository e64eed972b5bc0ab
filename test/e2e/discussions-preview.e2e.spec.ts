import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const PREVIEW = `query($body: String!) { previewMarkdown(body: $body) }`;

/** The composer's preview: the saved post's renderer and sanitizer, for signed-in people only. */
describe('discussions: previewMarkdown', () => {
  let t: TestApp;
  let someone: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    someone = await signUpUser(t, { fullName: 'Preview Person' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('renders Markdown to the sanitized HTML a post would show, and writes nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM discussion_posts`);
    const result = await t.gql(PREVIEW, { body: '**bold** [site](https://example.org) <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' }, someone.accessToken);
    expect(result.errors).toBeUndefined();
    const html: string = result.data!.previewMarkdown;
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">site</a>');
    expect(html).not.toMatch(/<script|<img|href="javascript:|<[^>]*\son\w+=/i);
    expect(await t.sql(`SELECT count(*)::int AS n FROM discussion_posts`)).toEqual(before);
  });

  it('asks visitors to sign in, and refuses a body over 20,000 characters naming the field', async () => {
    expect(errorCode(await t.gql(PREVIEW, { body: 'hello' }))).toBe('UNAUTHENTICATED');
    const tooLong = await t.gql(PREVIEW, { body: 'a'.repeat(20_001) }, someone.accessToken);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(tooLong.errors![0].extensions)).toContain('body');
  });
});
