/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createForum, makeCommunityManager } from '../factories/discussions.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, goodStandingTier, logInThroughPage, memberInGoodStanding, startPortal, type Portal, type TestUser } from './support/index.js';

/** Hostile Markdown and HTML: every payload would set window.__xss (or open a dialog) if it ran. */
const HOSTILE = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"><circle r="1"/></svg>',
  '<svg><script>window.__xss = 4</script></svg>',
  '[click me](javascript:window.__xss=5)',
  '[click me too](JaVaScRiPt:alert(1))',
  '<a href="javascript:window.__xss=6">raw link</a>',
  '<p onclick="window.__xss = 7">para</p>',
  '<iframe src="javascript:window.__xss=8"></iframe>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz05Ij48L3N2Zz4=)',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=10">',
  '[x](https://ok.example "t\\" onmouseover=\\"window.__xss=11")',
  '<details open ontoggle="window.__xss=12">d</details>',
  'A safe [link](https://example.org/safe) stays.',
].join('\n\n');

async function bellLabel(page: Page): Promise<string | null> {
  return page.getByRole('banner').getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label');
}

describe('portal: discussions (forums, threads, live replies, bell, resources, moderation, XSS)', () => {
  let portal: Portal;
  let tierId: string;
  let forumId: string;
  let alice: TestUser;
  let bob: TestUser;
  let mod: TestUser;

  beforeAll(async () => {
    portal = await startPortal({ DISCUSSIONS_POSTS_PER_MINUTE: '100' });
    const admin = await createAdminUser(portal.t);
    tierId = await goodStandingTier(portal.t, admin);
    forumId = await createForum(portal.t, admin, { title: 'Ethics corner', questionsAndAnswers: true });
    alice = await memberInGoodStanding(portal.t, tierId, 'Alice Author');
    bob = await memberInGoodStanding(portal.t, tierId, 'Bob Replier');
    mod = await memberInGoodStanding(portal.t, tierId, 'Mona Moderator');
    await makeCommunityManager(portal.t, mod);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('starts a thread with a preview, gets a live reply and a live bell, edits, reacts, shares a file, and a moderator hides a post', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, alice, 'Alice Author', '/community');
    await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    await expectAccessible(page, 'forums');
    await captureScreenshot(page, 'community-desktop');
    await page.getByRole('link', { name: 'Ethics corner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ethics corner' }).waitFor();
    await page.getByText('No threads yet. Start the first one.').waitFor();
    await expectAccessible(page, 'space');

    // The composer's preview is the API's sanitized rendering.
    const start = page.getByRole('form', { name: 'Start a thread' });
    await start.getByLabel('Title').fill('Gifts from clients');
    await start.getByLabel('Message', { exact: true }).fill('May I accept **a bottle of wine**?');
    await start.getByRole('tab', { name: 'Preview' }).click();
    await start.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'a bottle of wine' }).waitFor();
    await expectAccessible(page, 'composer preview');
    await start.getByRole('tab', { name: 'Write' }).click();
    await start.getByRole('button', { name: 'Post thread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gifts from clients' }).waitFor();
    const threadUrl = new URL(page.url()).pathname;
    expect(threadUrl).toMatch(/^\/community\/threads\/[0-9a-f-]{36}$/);
    await page.getByRole('article', { name: 'Alice Author' }).locator('strong', { hasText: 'a bottle of wine' }).waitFor();
    expect(await bellLabel(page)).toBe('Notifications, 0 unread');

    // Bob, in another browser context, replies: Alice sees it without a reload, and her bell rises.
    const bobPage = await portal.newPortalPage();
    await logInThroughPage(bobPage, bob, 'Bob Replier', threadUrl);
    await bobPage.getByRole('heading', { level: 1, name: 'Gifts from clients' }).waitFor();
    await bobPage.getByLabel('Your reply', { exact: true }).fill('Only if it is of **token value**.');
    await bobPage.getByRole('button', { name: 'Post reply' }).click();
    await bobPage.getByRole('article', { name: 'Bob Replier' }).waitFor();
    await page.getByRole('article', { name: 'Bob Replier' }).locator('strong', { hasText: 'token value' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();

    // Alice edits her post; the history keeps what it said before.
    const mine = page.getByRole('article', { name: 'Alice Author' });
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    await mine.getByLabel('Edit your post', { exact: true }).fill('May I accept **a box of chocolates**?');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.locator('strong', { hasText: 'a box of chocolates' }).waitFor();
    await mine.getByText(/^edited /).waitFor();
    await mine.getByRole('button', { name: 'Edit history' }).click();
    await mine.getByText('May I accept **a bottle of wine**?').waitFor();

    // A reaction on Bob's reply, and it is an answer to the question.
    const bobs = page.getByRole('article', { name: 'Bob Replier' });
    await bobs.getByRole('button', { name: 'Like (0)' }).click();
    await bobs.getByRole('button', { name: 'Like (1)', pressed: true }).waitFor();
    await bobs.getByRole('button', { name: 'Mark as answer' }).click();
    await bobs.getByText('Answer', { exact: true }).waitFor();
    await expectAccessible(page, 'thread');
    await captureScreenshot(page, 'community-thread-desktop');

    // The feed shows the reply; marking it read empties the bell.
    await page.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('link', { name: 'Gifts from clients' }).waitFor();
    await expectAccessible(page, 'notifications');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Notifications, 0 unread' }).waitFor();

    // Settings: mentions go to the daily digest.
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByLabel('Mentions of me').selectOption('DIGEST');
    await page.getByText('Saved.').waitFor();
    await expectAccessible(page, 'notification settings');
    const prefs = await portal.t.gql(`{ notificationPreferences { kind delivery } }`, {}, alice.accessToken);
    expect(prefs.data!.notificationPreferences).toContainEqual({ kind: 'MENTION', delivery: 'DIGEST' });

    // A file on the shelf: uploaded with the bearer token, downloaded back byte for byte.
    await page.goto(`/community/spaces/${forumId}`);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const upload = page.getByRole('form', { name: 'Upload file' });
    await upload.locator('input[type=file]').setInputFiles({ name: 'code-of-conduct.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload.getByLabel('File title (optional)').fill('Code of conduct');
    await upload.getByRole('button', { name: 'Upload file' }).click();
    const downloadButton = page.getByRole('button', { name: 'Download Code of conduct' });
    await downloadButton.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    expect(download.suggestedFilename()).toBe('code-of-conduct.pdf');
    const link = page.getByRole('form', { name: 'Add link' });
    await link.getByLabel('Link title').fill('Guidance');
    await link.getByLabel('Web address').fill('https://example.org/guidance');
    await link.getByRole('button', { name: 'Add link' }).click();
    expect(await page.getByRole('link', { name: 'Guidance' }).getAttribute('rel')).toContain('nofollow');
    await page.getByRole('link', { name: 'Gifts from clients' }).waitFor();
    await expectAccessible(page, 'space with threads and resources');
    await captureScreenshot(page, 'community-space-desktop');

    // Search finds the post.
    await page.goto('/community/search?q=chocolates');
    await page.getByRole('link', { name: 'Gifts from clients' }).waitFor();
    await expectAccessible(page, 'search');

    // The moderator hides Bob's reply; Bob's readers see the placeholder.
    const modPage = await portal.newPortalPage();
    await logInThroughPage(modPage, mod, 'Mona Moderator', threadUrl);
    const target = modPage.getByRole('article', { name: 'Bob Replier' });
    await target.getByRole('button', { name: 'Hide post' }).click();
    await target.getByRole('button', { name: 'Restore post' }).waitFor();
    await target.getByText('Hidden', { exact: true }).waitFor();
    await modPage.getByRole('button', { name: 'Pin thread' }).click();
    await modPage.getByRole('button', { name: 'Unpin thread' }).waitFor();
    await expectAccessible(modPage, 'thread, moderator');
    await bobPage.reload();
    await bobPage.getByRole('article', { name: 'Bob Replier' }).getByText('This post was hidden by a moderator.').waitFor();
    const [row] = await portal.t.sql(`SELECT hidden_at IS NOT NULL AS hidden FROM discussion_posts WHERE body LIKE 'Only if it is of%'`);
    expect(row).toEqual({ hidden: true });
    expect(problems).toEqual([]);
  });

  it('renders a hostile corpus inert in Chromium: nothing runs, links carry rel="nofollow ugc noopener"', async () => {
    const page = await portal.newPortalPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logInThroughPage(page, bob, 'Bob Replier', `/community/spaces/${forumId}`);
    const start = page.getByRole('form', { name: 'Start a thread' });
    await start.getByLabel('Title').fill('<script>window.__xss = 99</script> title');
    await start.getByLabel('Message', { exact: true }).fill(HOSTILE);
    await start.getByRole('tab', { name: 'Preview' }).click();
    await start.getByRole('region', { name: 'Preview' }).getByRole('link', { name: 'link', exact: true }).waitFor();
    await start.getByRole('tab', { name: 'Write' }).click();
    await start.getByRole('button', { name: 'Post thread' }).click();
    await page.getByRole('heading', { level: 1, name: '<script>window.__xss = 99</script> title' }).waitFor();
    await page.getByLabel('Your reply', { exact: true }).fill(HOSTILE);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByRole('article').nth(1).waitFor();
    expect(await page.getByRole('article').count()).toBe(2);
    await page.reload();
    await page.getByRole('article').nth(1).waitFor();
    // Hover and click everything a payload could hang on.
    for (const name of ['click me', 'click me too', 'raw link']) {
      const candidate = page.getByText(name, { exact: true }).first();
      if (await candidate.count()) await candidate.click();
    }
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => {
      const posts = [...document.querySelectorAll('.community-post')];
      const bad: string[] = [];
      for (const post of posts) {
        for (const el of post.querySelectorAll('*')) {
          const tag = el.tagName.toLowerCase();
          if (['script', 'svg', 'img', 'iframe', 'math', 'style', 'details', 'object', 'embed'].includes(tag)) bad.push(`tag ${tag}`);
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) bad.push(`attribute ${attr}`);
          const href = el.getAttribute('href');
          if (href && !/^(https?:|mailto:)/i.test(href)) bad.push(`href ${href}`);
        }
      }
      const rels = [...document.querySelectorAll('.community-post a[href]')].map((a) => a.getAttribute('rel'));
      return { xss: (window as unknown as { __xss?: unknown }).__xss ?? null, bad, rels, posts: posts.length };
    });
    expect(found.xss).toBeNull();
    expect(found.bad).toEqual([]);
    expect(found.posts).toBeGreaterThanOrEqual(2);
    expect(found.rels.length).toBeGreaterThanOrEqual(2);
    for (const rel of found.rels) expect(rel).toBe('nofollow ugc noopener');
    expect(dialogs).toEqual([]);
    expect(new URL(page.url()).protocol).toBe('http:');
  });

  it('reads the forums and a thread on a phone', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, bob, 'Bob Replier', '/community');
    await page.getByRole('link', { name: 'Ethics corner' }).click();
    await page.getByRole('link', { name: 'Gifts from clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gifts from clients' }).waitFor();
    await page.getByLabel('Your reply', { exact: true }).waitFor();
    await expectAccessible(page, 'thread (phone)');
    await captureScreenshot(page, 'community-thread-phone');
  });
});
