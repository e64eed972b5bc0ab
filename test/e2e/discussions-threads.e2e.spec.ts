import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createGroup, goodStandingTier, joinGroup, memberInGoodStanding } from '../factories/communities.js';
import { createForum, makeCommunityManager, reply, START_THREAD, startThread } from '../factories/discussions.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const THREAD = `query($id: ID!, $first: Int, $after: String) { thread(id: $id) { id title pinned locked answer { id } author { fullName }
  posts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node {
    id body html deleted hidden editedAt author { fullName } quote { id html author { fullName } } reactions { kind count mine } revisions { body }
  } } } } }`;

describe('discussions: threads, posts and moderation', () => {
  let t: TestApp;
  let admin: TestUser;
  let organiser: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let groupSpace: string;
  let forum: string;

  beforeAll(async () => {
    t = await startTestApp({ DISCUSSIONS_POSTS_PER_MINUTE: '5' });
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Olive Organiser');
    member = await memberInGoodStanding(t, tierId, 'Max Member');
    outsider = await memberInGoodStanding(t, tierId, 'Otto Outsider');
    const group = await createGroup(t, organiser);
    await joinGroup(t, member, group);
    groupSpace = (await t.gql(`query($id: ID!) { studyGroup(id: $id) { space { id title } } }`, { id: group }, member.accessToken)).data!.studyGroup.space.id;
    forum = await createForum(t, admin, { title: 'Questions', questionsAndAnswers: true });
  });
  afterAll(async () => {
    await t?.close();
  });
  // The limit is 5 a minute here (for the race below): each test starts with fresh windows.
  beforeEach(async () => {
    await t.sql(`DELETE FROM discussion_posting_windows`);
  });

  it('replies quote one post of the thread; mentions link only people who can see the space', async () => {
    const threadId = await startThread(t, organiser, groupSpace, 'Week 1 reading', 'Start with **chapter 1**.');
    const first = await t.gql(THREAD, { id: threadId }, member.accessToken);
    const opening = first.data!.thread.posts.edges[0].node;
    expect(opening.html).toBe('<p>Start with <strong>chapter 1</strong>.</p>\n');
    const body = `Agreed @[Olive](${organiser.id}), and @[Otto](${outsider.id}) <script>alert(1)</script>`;
    const posted = await reply(t, member, threadId, body, opening.id);
    expect(posted.body).toBe(body);
    expect(posted.html).toContain(`<span class="mention" data-user-id="${organiser.id}">@Olive</span>`);
    expect(posted.html).not.toContain(outsider.id);
    expect(posted.html).toContain('&lt;script&gt;');
    expect(await t.sql(`SELECT user_id FROM discussion_mentions WHERE post_id = $1`, [posted.id])).toEqual([{ user_id: organiser.id }]);
    const read = await t.gql(THREAD, { id: threadId }, organiser.accessToken);
    const replyNode = read.data!.thread.posts.edges[1].node;
    expect(replyNode.quote).toEqual({ id: opening.id, html: opening.html, author: { fullName: 'Olive Organiser' } });
    const otherThread = await startThread(t, organiser, groupSpace, 'Another thread', 'x');
    const wrongQuote = await t.gql(`mutation($t: ID!, $q: ID!) { replyToThread(threadId: $t, body: "hi", quotePostId: $q) { id } }`, { t: otherThread, q: opening.id }, member.accessToken);
    expect(errorCode(wrongQuote)).toBe('BAD_USER_INPUT');
    expect(wrongQuote.errors![0].extensions.fields![0].path).toBe('quotePostId');
  });

  it('edits keep the history for readers; deleting leaves a tombstone and keeps replies', async () => {
    const threadId = await startThread(t, member, groupSpace, 'Edit me', 'first words');
    const postId = (await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node.id;
    expect(errorCode(await t.gql(`mutation($id: ID!) { editPost(postId: $id, body: "not mine") { id } }`, { id: postId }, organiser.accessToken))).toBe('FORBIDDEN');
    await t.gql(`mutation($id: ID!) { editPost(postId: $id, body: "second words") { id } }`, { id: postId }, member.accessToken);
    const edited = await t.gql(`mutation($id: ID!) { editPost(postId: $id, body: "third words") { id body editedAt } }`, { id: postId }, member.accessToken);
    expect(edited.data!.editPost.body).toBe('third words');
    expect(edited.data!.editPost.editedAt).not.toBeNull();
    await reply(t, organiser, threadId, 'A reply that stays');
    let posts = (await t.gql(THREAD, { id: threadId }, organiser.accessToken)).data!.thread.posts.edges.map((e: { node: any }) => e.node);
    expect(posts[0].revisions.map((r: { body: string }) => r.body)).toEqual(['second words', 'first words']);
    const deleted = await t.gql(`mutation($id: ID!) { deletePost(postId: $id) { deleted body html } }`, { id: postId }, member.accessToken);
    expect(deleted.data!.deletePost).toEqual({ deleted: true, body: '', html: '' });
    posts = (await t.gql(THREAD, { id: threadId }, organiser.accessToken)).data!.thread.posts.edges.map((e: { node: any }) => e.node);
    expect(posts.map((p: { deleted: boolean; body: string; revisions: unknown[] }) => [p.deleted, p.body, p.revisions.length])).toEqual([[true, '', 0], [false, 'A reply that stays', 0]]);
    expect(await t.sql(`SELECT body FROM discussion_post_revisions WHERE post_id = $1`, [postId])).toEqual([]);
  });

  it('an organiser moderates their group: hide (audited, reports closed), restore, lock; an outsider cannot', async () => {
    const threadId = await startThread(t, member, groupSpace, 'Heated', 'something rude');
    const postId = (await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node.id;
    expect((await t.gql(`mutation($id: ID!) { reportPost(postId: $id, reason: "Rude words") }`, { id: postId }, organiser.accessToken)).data!.reportPost).toBe(true);
    expect(errorCode(await t.gql(`mutation($id: ID!) { reportPost(postId: $id, reason: "Again") }`, { id: postId }, organiser.accessToken))).toBe('CONFLICT');
    expect(errorCode(await t.gql(`mutation($id: ID!) { reportPost(postId: $id, reason: "Nosy") }`, { id: postId }, outsider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`mutation($id: ID!) { moderatePost(postId: $id, action: HIDE) { id } }`, { id: postId }, member.accessToken))).toBe('FORBIDDEN');
    const hidden = await t.gql(`mutation($id: ID!) { moderatePost(postId: $id, action: HIDE) { hidden body } }`, { id: postId }, organiser.accessToken);
    expect(hidden.data!.moderatePost).toEqual({ hidden: true, body: 'something rude' });
    const asMember = (await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node;
    expect([asMember.hidden, asMember.body, asMember.html]).toEqual([true, '', '']);
    expect(await t.sql(`SELECT count(*)::int AS n FROM discussion_post_reports WHERE post_id = $1 AND resolved_at IS NULL`, [postId])).toEqual([{ n: 0 }]);
    expect(await t.sql(`SELECT action FROM audit_log WHERE target_id = $1`, [postId])).toEqual([{ action: 'discussions.hide-post' }]);
    await t.gql(`mutation($id: ID!) { moderatePost(postId: $id, action: RESTORE) { hidden } }`, { id: postId }, organiser.accessToken);
    expect((await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node.body).toBe('something rude');

    const locked = await t.gql(`mutation($id: ID!) { setThreadState(threadId: $id, locked: true, pinned: true) { locked pinned } }`, { id: threadId }, organiser.accessToken);
    expect(locked.data!.setThreadState).toEqual({ locked: true, pinned: true });
    expect(errorCode(await t.gql(`mutation($id: ID!) { replyToThread(threadId: $id, body: "late") { id } }`, { id: threadId }, member.accessToken))).toBe('CONFLICT');
    await reply(t, organiser, threadId, 'Moderators may still reply');
    expect(errorCode(await t.gql(`mutation($id: ID!) { setThreadState(threadId: $id, locked: false) { locked } }`, { id: threadId }, member.accessToken))).toBe('FORBIDDEN');
    const list = await t.gql(`query($id: ID!) { space(id: $id) { threads(first: 1) { edges { node { id pinned } } } } }`, { id: groupSpace }, member.accessToken);
    expect(list.data!.space.threads.edges[0].node).toEqual({ id: threadId, pinned: true });
  });

  it('reactions count per kind and say which are mine', async () => {
    const threadId = await startThread(t, member, groupSpace, 'React to me', 'hello');
    const postId = (await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node.id;
    const react = (u: TestUser, kind: string, on: boolean) => t.gql(`mutation($id: ID!, $k: ReactionKind!, $on: Boolean!) { reactToPost(postId: $id, kind: $k, on: $on) { id } }`, { id: postId, k: kind, on }, u.accessToken);
    await react(member, 'LIKE', true);
    await react(organiser, 'LIKE', true);
    await react(organiser, 'THANKS', true);
    await react(organiser, 'THANKS', false);
    expect(errorCode(await react(outsider, 'LIKE', true))).toBe('FORBIDDEN');
    const node = (await t.gql(THREAD, { id: threadId }, member.accessToken)).data!.thread.posts.edges[0].node;
    expect(node.reactions).toEqual([{ kind: 'LIKE', count: 2, mine: true }]);
  });

  it('Q&A forums: the asker marks a reply as the answer; others may not; ordinary spaces have no answers', async () => {
    const threadId = await startThread(t, member, forum, 'How do I renew?', 'Asking for a friend');
    const answer = await reply(t, outsider, threadId, 'Through the dues page');
    expect(errorCode(await t.gql(`mutation($t: ID!, $p: ID!) { markAnswer(threadId: $t, postId: $p) { id } }`, { t: threadId, p: answer.id }, outsider.accessToken))).toBe('FORBIDDEN');
    const marked = await t.gql(`mutation($t: ID!, $p: ID!) { markAnswer(threadId: $t, postId: $p) { answer { id } } }`, { t: threadId, p: answer.id }, member.accessToken);
    expect(marked.data!.markAnswer.answer.id).toBe(answer.id);
    const plain = await startThread(t, member, groupSpace, 'Not a question', 'x');
    expect(errorCode(await t.gql(`mutation($t: ID!) { markAnswer(threadId: $t, postId: null) { id } }`, { t: plain }, member.accessToken))).toBe('CONFLICT');
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: 'ok title', body: '   ' }, 'input.body'],
      [{ title: 'ok title', body: 'x'.repeat(20_001) }, 'input.body'],
      [{ title: 'x', body: 'fine' }, 'input.title'],
    ];
    for (const [input, path] of cases) {
      const result = await t.gql(START_THREAD, { spaceId: forum, input }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(path);
    }
    expect(errorCode(await t.gql(START_THREAD, { spaceId: 'not-a-uuid', input: { title: 'abc', body: 'x' } }, admin.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`{ space(id: "${groupSpace}") { threads(after: "bogus") { totalCount } } }`, {}, member.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('the posting limit holds under 12 concurrent posts by one person: exactly 5 a minute get through', async () => {
    const racer = await signUpUser(t, { fullName: 'Racer' });
    await makeCommunityManager(t, racer);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => t.gql(START_THREAD, { spaceId: forum, input: { title: `Race ${i}`, body: 'go' } }, racer.accessToken)));
    const codes = results.map((r) => errorCode(r) ?? 'ok');
    expect(codes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);
    expect(await t.sql(`SELECT count(*)::int AS n FROM discussion_threads WHERE author_id = $1`, [racer.id])).toEqual([{ n: 5 }]);
    expect(await t.sql(`SELECT posts FROM discussion_posting_windows WHERE user_id = $1`, [racer.id])).toEqual([{ posts: 5 }]);
  });

  it('pages a thread of replies with stable cursors, in the same number of statements for 5 posts as for 40', async () => {
    const poster = await signUpUser(t, { fullName: 'Bulk' });
    await makeCommunityManager(t, poster);
    const threadId = await startThread(t, poster, forum, 'Long thread', 'opening');
    const [{ id: opening }] = await t.sql<{ id: string }>(`SELECT id FROM discussion_posts WHERE thread_id = $1`, [threadId]);
    // Replies straight into the table (the rate limit is for people, not this setup).
    await t.sql(
      `INSERT INTO discussion_posts (thread_id, space_id, author_id, body, html, quoted_post_id, created_at)
       SELECT $1, $2, CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END, 'reply ' || g, '<p>reply ' || g || '</p>', CASE WHEN g % 3 = 0 THEN $5::uuid END, now() + make_interval(secs => g)
         FROM generate_series(1, 59) g`,
      [threadId, forum, poster.id, member.id, opening],
    );
    await t.sql(`INSERT INTO discussion_reactions (post_id, user_id, kind) SELECT id, $2, 'LIKE' FROM discussion_posts WHERE thread_id = $1`, [threadId, member.id]);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await t.gql(THREAD, { id: threadId, first: 25, after }, member.accessToken)).data!.thread.posts;
      expect(page.totalCount).toBe(60);
      seen.push(...page.edges.map((e: { node: { body: string } }) => e.node.body));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['opening', ...Array.from({ length: 59 }, (_, i) => `reply ${i + 1}`)]);
    await t.gql(THREAD, { id: threadId, first: 5 }, member.accessToken);
    const small = await countQueries(() => t.gql(THREAD, { id: threadId, first: 5 }, member.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(THREAD, { id: threadId, first: 40 }, member.accessToken), dataStatements);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.thread.posts.edges).toHaveLength(40);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(14);
  });
});
