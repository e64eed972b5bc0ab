import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DigestService } from '../../libs/discussions/src/notifications/digest.service.js';
import { signInbound } from '../../libs/discussions/src/notifications/inbound-email.js';
import { goodStandingTier, memberInGoodStanding } from '../factories/communities.js';
import { createForum, reply, startThread } from '../factories/discussions.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const SECRET = 'inbound secret for the tests';
const DOMAIN = 'reply.guildhall.test';
const FEED = `query($unread: Boolean) { unreadNotificationCount notifications(first: 20, unreadOnly: $unread) { totalCount edges { node { id kind readAt post { id body } } } } }`;

describe('discussions: notifications, digest and reply by email', () => {
  let t: TestApp;
  let admin: TestUser;
  let ada: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let forum: string;

  const feed = async (u: TestUser, unread = false) => (await t.gql(FEED, { unread }, u.accessToken)).data!;
  const mail = (u: TestUser, template?: string) =>
    t.sql<{ subject: string; body_text: string; reply_to: string | null; template: string }>(
      `SELECT subject, body_text, reply_to, template FROM outbox_messages WHERE recipient_user_id = $1 AND template LIKE 'discussions-%' AND ($2::text IS NULL OR template = $2) ORDER BY created_at`,
      [u.id, template ?? null],
    );
  const postInbound = (payload: unknown, options: { secret?: string; timestamp?: number } = {}) => {
    const body = JSON.stringify(payload);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${t.url}/webhooks/inbound-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guildhall-timestamp': String(timestamp), 'x-guildhall-signature': signInbound(options.secret ?? SECRET, timestamp, body) },
      body,
    });
  };

  beforeAll(async () => {
    t = await startTestApp({ DISCUSSIONS_INBOUND_EMAIL_SECRET: SECRET, DISCUSSIONS_REPLY_DOMAIN: DOMAIN, DISCUSSIONS_POSTS_PER_MINUTE: '100' });
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    ada = await memberInGoodStanding(t, tierId, 'Ada Lovelace');
    bob = await memberInGoodStanding(t, tierId, 'Bob Babbage');
    carol = await memberInGoodStanding(t, tierId, 'Carol Clerk');
    forum = await createForum(t, admin, { title: 'Notices' });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.sql(`DELETE FROM discussion_notifications`);
    await t.sql(`DELETE FROM discussion_notification_preferences`);
    await t.sql(`DELETE FROM outbox_messages WHERE template LIKE 'discussions-%'`);
  });

  it('a reply to my thread and a mention reach me in the feed and by email (answerable), one notification per post', async () => {
    const threadId = await startThread(t, ada, forum, 'Engines', 'Difference or analytical?');
    await reply(t, bob, threadId, `Analytical, surely @[Ada](${ada.id}) and @[Carol](${carol.id})`);
    const adaFeed = await feed(ada);
    expect(adaFeed.unreadNotificationCount).toBe(1);
    expect(adaFeed.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['MENTION']);
    expect((await feed(carol)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['MENTION']);
    expect(adaFeed.notifications.edges[0].node.post.body).toContain('Analytical');
    const [email] = await mail(ada);
    expect(email.subject).toBe('Bob Babbage mentioned you in "Engines"');
    expect(email.reply_to).toMatch(new RegExp(`^r\\+[a-z2-7]{39}@${DOMAIN.replace(/\./g, '\\.')}$`));
    await reply(t, carol, threadId, 'No mention this time');
    expect((await feed(ada)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['REPLY', 'MENTION']);
    expect(await mail(bob)).toEqual([]);
  });

  it('marks read: some, then all; only my own', async () => {
    const threadId = await startThread(t, ada, forum, 'Counting', 'x');
    for (const body of ['one', 'two', 'three']) await reply(t, bob, threadId, body);
    const ids = (await feed(ada)).notifications.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toHaveLength(3);
    expect((await feed(bob)).notifications.totalCount).toBe(0);
    expect((await t.gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids }, bob.accessToken)).data!.markNotificationsRead).toBe(0);
    expect((await t.gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [ids[0]] }, ada.accessToken)).data!.markNotificationsRead).toBe(1);
    expect((await feed(ada, true)).notifications.totalCount).toBe(2);
    expect((await t.gql(`mutation { markNotificationsRead }`, {}, ada.accessToken)).data!.markNotificationsRead).toBe(2);
    expect((await feed(ada)).unreadNotificationCount).toBe(0);
    expect(errorCode(await t.gql(FEED, {}))).toBe('UNAUTHENTICATED');
  });

  it('follows: a new thread in a followed space notifies by digest; OFF silences a kind; bad kinds name the field', async () => {
    expect((await t.gql(`mutation($s: ID!) { followSpace(spaceId: $s, follow: true) }`, { s: forum }, carol.accessToken)).data!.followSpace).toBe(true);
    expect((await t.gql(`query($s: ID!) { space(id: $s) { following } }`, { s: forum }, carol.accessToken)).data!.space.following).toBe(true);
    await startThread(t, ada, forum, 'For followers', 'hello');
    expect((await feed(carol)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['NEW_THREAD']);
    expect(await mail(carol)).toEqual([]);
    await t.gql(`mutation { setNotificationPreference(kind: "NEW_THREAD", delivery: OFF) }`, {}, carol.accessToken);
    await startThread(t, ada, forum, 'Unheard', 'hello');
    expect((await feed(carol)).notifications.totalCount).toBe(1);
    const prefs = (await t.gql(`{ notificationPreferences { kind delivery } }`, {}, carol.accessToken)).data!.notificationPreferences;
    expect(prefs).toContainEqual({ kind: 'NEW_THREAD', delivery: 'OFF' });
    expect(prefs).toContainEqual({ kind: 'MENTION', delivery: 'EMAIL' });
    const bad = await t.gql(`mutation { setNotificationPreference(kind: "GOSSIP", delivery: EMAIL) }`, {}, carol.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields![0].path).toBe('kind');
    await t.gql(`mutation($s: ID!) { followSpace(spaceId: $s, follow: false) }`, { s: forum }, carol.accessToken);
  });

  it('the daily digest: run twice, one email; the notifications it carried are not sent again', async () => {
    await t.gql(`mutation { setNotificationPreference(kind: "REPLY", delivery: DIGEST) }`, {}, ada.accessToken);
    const threadId = await startThread(t, ada, forum, 'Digest me', 'x');
    await reply(t, bob, threadId, 'first');
    await reply(t, carol, threadId, 'second');
    expect(await mail(ada)).toEqual([]);
    const digest = t.app.get(DigestService);
    const later = new Date(Date.now() + 1000);
    const [first, second] = await Promise.all([digest.run(later), digest.run(later)]);
    expect(first + second).toBe(1);
    expect(await digest.run(later)).toBe(0);
    const emails = await mail(ada, 'discussions-digest');
    expect(emails).toHaveLength(1);
    expect(emails[0].body_text.match(/Digest me/g)).toHaveLength(2);
    expect(await t.sql(`SELECT count(*)::int AS n FROM discussion_notifications WHERE user_id = $1 AND digested_at IS NULL`, [ada.id])).toEqual([{ n: 0 }]);
  });

  it('a moderation decision tells the author', async () => {
    const threadId = await startThread(t, bob, forum, 'Moderated', 'rude');
    const postId = (await t.sql<{ id: string }>(`SELECT id FROM discussion_posts WHERE thread_id = $1`, [threadId]))[0].id;
    await t.gql(`mutation($id: ID!) { moderatePost(postId: $id, action: HIDE) { id } }`, { id: postId }, admin.accessToken);
    expect((await feed(bob)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['MODERATION']);
    expect((await mail(bob))[0].subject).toContain('A moderator acted on your post');
  });

  describe('reply by email', () => {
    let threadId: string;
    let replyTo: string;
    beforeEach(async () => {
      threadId = await startThread(t, ada, forum, 'Answer by mail', 'Write back');
      await reply(t, bob, threadId, 'A reply Ada hears of');
      replyTo = (await mail(ada))[0].reply_to!;
    });
    const postsInThread = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM discussion_posts WHERE thread_id = $1`, [threadId]))[0].n;

    it('posts the new part of the reply as the verified author', async () => {
      const response = await postInbound({ from: `Ada Lovelace <${ada.email.toUpperCase()}>`, to: [replyTo], subject: 'Re: Answer by mail', text: 'Thanks Bob!\n\nOn Tue, Bob wrote:\n> A reply Ada hears of' });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { status: string; postId: string };
      expect(result.status).toBe('posted');
      expect(await t.sql(`SELECT author_id, body FROM discussion_posts WHERE id = $1`, [result.postId])).toEqual([{ author_id: ada.id, body: 'Thanks Bob!' }]);
    });

    it('is idempotent on the message id: a repeated delivery, one after the other or at once, writes one post', async () => {
      const before = await postsInThread();
      const message = { from: ada.email, to: [replyTo], text: 'Delivered more than once', messageId: '<twice@mail.example>' };
      const first = (await (await postInbound(message)).json()) as { status: string; postId: string };
      expect(first.status).toBe('posted');
      expect(await (await postInbound(message)).json()).toEqual({ status: 'duplicate', postId: first.postId });
      expect(await postsInThread()).toBe(before + 1);

      // Two deliveries racing: the message id's primary key lets one transaction write.
      const raced = { ...message, text: 'Raced delivery', messageId: '<raced@mail.example>' };
      const outcomes = await Promise.all([postInbound(raced), postInbound(raced), postInbound(raced)].map(async (r) => ((await r).json() as Promise<{ status: string }>)));
      expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'posted']);
      expect(await t.sql(`SELECT count(*)::int AS n FROM discussion_posts WHERE thread_id = $1 AND body = 'Raced delivery'`, [threadId])).toEqual([{ n: 1 }]);

      // A different message with the same words is a new post.
      expect(((await (await postInbound({ ...message, messageId: '<another@mail.example>' })).json()) as { status: string }).status).toBe('posted');
      expect(await postsInThread()).toBe(before + 3);
    });

    it('a bad or stale signature, an unknown sender or a forged address writes nothing', async () => {
      const before = await postsInThread();
      const good = { from: ada.email, to: [replyTo], text: 'Sneaky' };
      expect((await postInbound(good, { secret: 'not the shared secret at all' })).status).toBe(401);
      expect((await postInbound(good, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
      const stranger = await postInbound({ ...good, from: 'mallory@example.org' });
      expect(await stranger.json()).toEqual({ status: 'ignored', reason: 'UNKNOWN_SENDER' });
      const forged = await postInbound({ ...good, to: [replyTo.replace(/r\+(.)/, (_m, c: string) => `r+${c === 'a' ? 'b' : 'a'}`)] });
      expect(await forged.json()).toEqual({ status: 'ignored', reason: 'UNKNOWN_ADDRESS' });
      expect((await postInbound({ to: [replyTo] })).status).toBe(400);
      expect(await postsInThread()).toBe(before);
    });
  });

  it('the inbound endpoint is off (503) without its settings', async () => {
    const other = await startTestApp();
    try {
      const response = await fetch(`${other.url}/webhooks/inbound-email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(503);
    } finally {
      await other.close();
    }
    expect(signUpUser).toBeDefined();
  });

  it('an edit that mentions someone for the first time tells them (in the feed and by email) once; later edits keeping the mention do not', async () => {
    const EDIT = `mutation($postId: ID!, $body: String!) { editPost(postId: $postId, body: $body) { id html } }`;
    const threadId = await startThread(t, ada, forum, 'Looms', 'Punched cards?');
    const post = await reply(t, bob, threadId, 'I think so.');
    expect((await feed(carol)).unreadNotificationCount).toBe(0);

    const edited = await t.gql(EDIT, { postId: post.id, body: `I think so, @[Carol](${carol.id})` }, bob.accessToken);
    expect(edited.errors).toBeUndefined();
    let carolFeed = await feed(carol);
    expect(carolFeed.notifications.edges.map((e: { node: { kind: string; post: { id: string } } }) => [e.node.kind, e.node.post.id])).toEqual([['MENTION', post.id]]);
    expect(await mail(carol, 'discussions-mention')).toHaveLength(1);

    // Carol again (already told) and Ada for the first time.
    expect((await t.gql(EDIT, { postId: post.id, body: `Yes, @[Carol](${carol.id}), and @[Ada](${ada.id})` }, bob.accessToken)).errors).toBeUndefined();
    carolFeed = await feed(carol);
    expect(carolFeed.notifications.totalCount).toBe(1);
    expect(await mail(carol, 'discussions-mention')).toHaveLength(1);
    const adaKinds = (await feed(ada)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind);
    expect(adaKinds).toEqual(['MENTION', 'REPLY']);

    // The writer mentioning themselves tells no one.
    expect((await t.gql(EDIT, { postId: post.id, body: `Yes, @[Carol](${carol.id}), @[Ada](${ada.id}) and me @[Bob](${bob.id})` }, bob.accessToken)).errors).toBeUndefined();
    expect((await feed(bob)).notifications.totalCount).toBe(0);
  });
});
