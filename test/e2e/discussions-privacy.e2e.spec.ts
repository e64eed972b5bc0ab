import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { goodStandingTier, memberInGoodStanding } from '../factories/communities.js';
import { createForum, reply, startThread } from '../factories/discussions.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';
import { unzip } from '../utils/unzip.js';

const EDIT = `mutation($postId: ID!, $body: String!) { editPost(postId: $postId, body: $body) { id } }`;
const REACT = `mutation($postId: ID!) { reactToPost(postId: $postId, kind: LIKE, on: true) { id } }`;
const REPORT = `mutation($postId: ID!) { reportPost(postId: $postId, reason: "Off topic here") }`;
const FOLLOW = `mutation($spaceId: ID!) { followSpace(spaceId: $spaceId, follow: true) }`;
const THREAD = `query($id: ID!) { thread(id: $id) { author { id } posts(first: 10) { edges { node { id body deleted author { id fullName } reactions { kind count } } } } } }`;

describe('discussions and personal data (issue 16): export and erasure', () => {
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let ada: TestUser;
  let bob: TestUser;
  let forum: string;
  let threadId: string;
  let adaReplyId: string;
  let bobReplyId: string;

  beforeAll(async () => {
    t = await startTestApp({ DISCUSSIONS_POSTS_PER_MINUTE: '100' });
    admin = await createAdminUser(t);
    manager = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = ARRAY['MEMBERSHIP_MANAGER'] WHERE id = $1`, [manager.id]);
    const tierId = await goodStandingTier(t, admin);
    ada = await memberInGoodStanding(t, tierId, 'Ada Forumwriter');
    bob = await memberInGoodStanding(t, tierId, 'Bob Otherposter');
    forum = await createForum(t, admin, { title: 'Town square' });
    threadId = await startThread(t, ada, forum, 'Ada asks', 'Opening words by Ada');
    bobReplyId = (await reply(t, bob, threadId, `Bob answers @[Ada](${ada.id})`)).id;
    adaReplyId = (await reply(t, ada, threadId, 'First draft by Ada')).id;
    expect((await t.gql(EDIT, { postId: adaReplyId, body: 'Second draft by Ada' }, ada.accessToken)).errors).toBeUndefined();
    expect((await t.gql(REACT, { postId: bobReplyId }, ada.accessToken)).errors).toBeUndefined();
    expect((await t.gql(REACT, { postId: adaReplyId }, bob.accessToken)).errors).toBeUndefined();
    expect((await t.gql(REPORT, { postId: bobReplyId }, ada.accessToken)).errors).toBeUndefined();
    expect((await t.gql(FOLLOW, { spaceId: forum }, ada.accessToken)).errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("exports the person's posts, threads, edits, reactions, reports and follows, and nothing of another person's", async () => {
    await t.gql(`mutation { requestMyDataExport { id } }`, {}, ada.accessToken);
    await t.runJobs();
    const [latest] = (await t.gql(`{ myDataExports { status downloadUrl } }`, {}, ada.accessToken)).data!.myDataExports;
    expect(latest.status).toBe('READY');
    const response = await fetch(latest.downloadUrl.replace(t.config.publicUrl, t.url), { headers: { authorization: `Bearer ${ada.accessToken}` } });
    expect(response.status).toBe(200);
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    const section = JSON.parse(files.get('discussions.json')!.toString('utf8'));
    expect(section.posts.map((p: { body: string }) => p.body).sort()).toEqual(['Opening words by Ada', 'Second draft by Ada']);
    expect(section.postsTruncated).toBe(false);
    expect(section.threads.map((th: { title: string }) => th.title)).toEqual(['Ada asks']);
    expect(section.edits.map((e: { body: string }) => e.body)).toEqual(['First draft by Ada']);
    expect(section.reactions.map((r: { post_id: string }) => r.post_id)).toEqual([bobReplyId]);
    expect(section.reports.map((r: { reason: string }) => r.reason)).toEqual(['Off topic here']);
    expect(section.follows.map((f: { space_id: string }) => f.space_id)).toEqual([forum]);
    const text = JSON.stringify(section);
    for (const foreign of [bob.id, 'Bob answers', 'Bob Otherposter']) expect(text).not.toContain(foreign);
  });

  it('erasure keeps the conversation but not the name: authorship anonymised, bodies kept, reactions, reports, follows and mentions gone', async () => {
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [ada.id]); // settled first, as issue 16 asks
    const erased = await t.gql(`mutation($userId: ID) { requestAccountErasure(userId: $userId) }`, { userId: ada.id }, manager.accessToken);
    expect(erased.errors).toBeUndefined();

    const read = (await t.gql(THREAD, { id: threadId }, bob.accessToken)).data!.thread;
    expect(read.author).toBeNull();
    const posts = read.posts.edges.map((e: { node: { id: string; body: string; deleted: boolean; author: { id: string } | null; reactions: Array<{ kind: string; count: number }> } }) => e.node);
    expect(posts.map((p: { body: string; author: { id: string } | null }) => [p.body, p.author?.id ?? null])).toEqual([
      ['Opening words by Ada', null],
      [`Bob answers @[Ada](${ada.id})`, bob.id],
      ['Second draft by Ada', null],
    ]);
    // Ada's like on Bob's reply is gone; Bob's like on Ada's (now anonymous) reply stays.
    expect(posts[1].reactions).toEqual([]);
    expect(posts[2].reactions).toEqual([{ kind: 'LIKE', count: 1 }]);
    const left = async (sql: string) => (await t.sql<{ n: number }>(sql, [ada.id]))[0].n;
    expect(await left(`SELECT count(*)::int AS n FROM discussion_posts WHERE author_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_threads WHERE author_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_post_revisions WHERE edited_by_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_post_reports WHERE reporter_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_space_follows WHERE user_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_mentions WHERE user_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM discussion_notifications WHERE user_id = $1`)).toBe(0);
    // The edit history stays with the post (it is the conversation), no longer naming its writer.
    expect(await t.sql(`SELECT body FROM discussion_post_revisions WHERE post_id = $1`, [adaReplyId])).toEqual([{ body: 'First draft by Ada' }]);
  });
});
