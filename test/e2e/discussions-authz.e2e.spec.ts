import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createGroup, goodStandingTier, joinGroup, memberInGoodStanding } from '../factories/communities.js';
import { createForum, makeCommunityManager, READ_SPACE, reply, START_THREAD, startThread } from '../factories/discussions.js';
import { createEvent, register } from '../factories/events.js';
import { publishedCohort } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

type Persona = 'anonymous' | 'nonMember' | 'lapsed' | 'outsider' | 'insider' | 'otherPlace' | 'moderator' | 'admin';
/** 'ok', or the error code expected. */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Row = Record<Persona, [read: Outcome, post: Outcome]>;

/**
 * Who may read and post in each kind of space. `insider` is in the place (group member, approved
 * cohort applicant, the pair's other person, confirmed registrant) in good standing; `lapsed` is in
 * the place too but their membership lapsed; `otherPlace` is in good standing in another place of the
 * same kind; `outsider` is a member in good standing in none; `nonMember` has no membership.
 */
const MATRIX: Record<string, Row> = {
  'members-only forum': {
    anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED'], nonMember: ['FORBIDDEN', 'FORBIDDEN'], lapsed: ['FORBIDDEN', 'FORBIDDEN'],
    outsider: ['ok', 'ok'], insider: ['ok', 'ok'], otherPlace: ['ok', 'ok'], moderator: ['ok', 'ok'], admin: ['ok', 'ok'],
  },
  'public forum': {
    anonymous: ['ok', 'UNAUTHENTICATED'], nonMember: ['ok', 'FORBIDDEN'], lapsed: ['ok', 'FORBIDDEN'],
    outsider: ['ok', 'ok'], insider: ['ok', 'ok'], otherPlace: ['ok', 'ok'], moderator: ['ok', 'ok'], admin: ['ok', 'ok'],
  },
  STUDY_GROUP: {
    anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED'], nonMember: ['FORBIDDEN', 'FORBIDDEN'], lapsed: ['ok', 'FORBIDDEN'],
    outsider: ['FORBIDDEN', 'FORBIDDEN'], insider: ['ok', 'ok'], otherPlace: ['FORBIDDEN', 'FORBIDDEN'], moderator: ['ok', 'ok'], admin: ['ok', 'ok'],
  },
  COHORT: {
    anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED'], nonMember: ['FORBIDDEN', 'FORBIDDEN'], lapsed: ['ok', 'FORBIDDEN'],
    outsider: ['FORBIDDEN', 'FORBIDDEN'], insider: ['ok', 'ok'], otherPlace: ['FORBIDDEN', 'FORBIDDEN'], moderator: ['ok', 'ok'], admin: ['ok', 'ok'],
  },
  PAIR: {
    anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED'], nonMember: ['NOT_FOUND', 'NOT_FOUND'], lapsed: ['ok', 'FORBIDDEN'],
    outsider: ['NOT_FOUND', 'NOT_FOUND'], insider: ['ok', 'ok'], otherPlace: ['NOT_FOUND', 'NOT_FOUND'], moderator: ['NOT_FOUND', 'NOT_FOUND'], admin: ['ok', 'FORBIDDEN'],
  },
  EVENT: {
    anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED'], nonMember: ['FORBIDDEN', 'FORBIDDEN'], lapsed: ['ok', 'ok'],
    outsider: ['FORBIDDEN', 'FORBIDDEN'], insider: ['ok', 'ok'], otherPlace: ['FORBIDDEN', 'FORBIDDEN'], moderator: ['ok', 'ok'], admin: ['ok', 'ok'],
  },
};

/** What a refused REST request answers for each GraphQL error code. */
const HTTP_STATUS: Record<Outcome, number> = { ok: 200, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const outcome = (result: { data?: unknown; errors?: Array<{ extensions: { code: string } }> }): Outcome => (result.errors ? (result.errors[0].extensions.code as Outcome) : 'ok');

describe('discussions: who may read and post, for every kind of space', () => {
  let t: TestApp;
  const people = {} as Record<Exclude<Persona, 'anonymous'>, TestUser>;
  const spaces: Record<string, string> = {};
  let otherMentee: TestUser;

  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-authz-files-'));
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp({ DISCUSSIONS_POSTS_PER_MINUTE: '100', GUILDHALL_DATA_DIR: dataDir });
    people.admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, people.admin);
    people.insider = await memberInGoodStanding(t, tierId, 'Insider');
    people.lapsed = await memberInGoodStanding(t, tierId, 'Lapsed');
    people.outsider = await memberInGoodStanding(t, tierId, 'Outsider');
    people.otherPlace = await memberInGoodStanding(t, tierId, 'Other Place');
    otherMentee = await memberInGoodStanding(t, tierId, 'Other Mentee');
    people.nonMember = await signUpUser(t, { fullName: 'Non Member' });
    people.moderator = await signUpUser(t, { fullName: 'Moderator' });
    await makeCommunityManager(t, people.moderator);

    spaces['members-only forum'] = await createForum(t, people.moderator, { title: 'Members lounge' });
    spaces['public forum'] = await createForum(t, people.admin, { title: 'Open forum', membersOnly: false });

    const group = await createGroup(t, people.insider);
    await joinGroup(t, people.lapsed, group);
    const otherGroup = await createGroup(t, people.otherPlace);
    await t.gql(`{ studyGroup(id: "${otherGroup}") { space { id } } }`, {}, people.otherPlace.accessToken);
    spaces.STUDY_GROUP = (await t.gql(`query($id: ID!) { studyGroup(id: $id) { space { id kind } } }`, { id: group }, people.insider.accessToken)).data!.studyGroup.space.id;

    const cohort = await publishedCohort(t, people.admin, { mentors: [{ user: people.insider }], mentees: [people.lapsed] });
    await publishedCohort(t, people.admin, { mentors: [{ user: people.otherPlace }], mentees: [otherMentee] });
    spaces.COHORT = (await t.gql(`query($id: ID!) { cohort(id: $id) { space { id } } }`, { id: cohort.cohortId }, people.admin.accessToken)).data!.cohort.space.id;
    const mine = await t.gql(`{ myMentoring { id space { id kind } } }`, {}, people.insider.accessToken);
    spaces.PAIR = mine.data!.myMentoring[0].space.id;

    const event = await createEvent(t, people.admin);
    const otherEvent = await createEvent(t, people.admin);
    for (const p of [people.insider, people.lapsed]) expect((await register(t, p, event)).data!.registerForEvent.status).toBe('CONFIRMED');
    await register(t, people.otherPlace, otherEvent);
    spaces.EVENT = (await t.gql(`query($id: ID!) { event(id: $id) { space { id } } }`, { id: event }, people.admin.accessToken)).data!.event.space.id;

    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [people.lapsed.id]);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cases = Object.entries(MATRIX).flatMap(([kind, row]) => Object.entries(row).map(([persona, expected]) => [kind, persona as Persona, expected] as const));

  it.each(cases)('%s, %s: read and post as expected', async (kind, persona, [read, post]) => {
    const token = persona === 'anonymous' ? undefined : people[persona].accessToken;
    const readResult = await t.gql(READ_SPACE, { id: spaces[kind] }, token);
    expect([outcome(readResult), readResult.errors?.[0]?.message]).toEqual([read, readResult.errors?.[0]?.message]);
    if (read === 'ok') expect(readResult.data!.space.canPost).toBe(post === 'ok');
    const before = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM discussion_threads WHERE space_id = $1`, [spaces[kind]]))[0].n;
    const postResult = await t.gql(START_THREAD, { spaceId: spaces[kind], input: { title: `By ${persona}`, body: 'Hello there' } }, token);
    expect(outcome(postResult)).toBe(post);
    const after = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM discussion_threads WHERE space_id = $1`, [spaces[kind]]))[0].n;
    expect(after - before).toBe(post === 'ok' ? 1 : 0);
  });

  it("a place's space field is guarded like the space: a non-member of the group is refused, an anonymous visitor asked to sign in", async () => {
    const [group] = await t.sql<{ place_id: string }>(`SELECT place_id FROM discussion_spaces WHERE id = $1`, [spaces.STUDY_GROUP]);
    const q = `query($id: ID!) { studyGroup(id: $id) { name space { id } } }`;
    expect(errorCode(await t.gql(q, { id: group.place_id }, people.outsider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(q, { id: group.place_id }))).toBe('UNAUTHENTICATED');
    const ok = await t.gql(q, { id: group.place_id }, people.lapsed.accessToken);
    expect(ok.data!.studyGroup.space.id).toBe(spaces.STUDY_GROUP);
  });

  it('a member who lapses loses posting at once (the next request), and gets it back on renewal', async () => {
    const forum = spaces['members-only forum'];
    const member = people.outsider;
    await startThread(t, member, forum, 'Before lapsing');
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [member.id]);
    try {
      const refused = await t.gql(START_THREAD, { spaceId: forum, input: { title: 'After lapsing', body: 'Still here?' } }, member.accessToken);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      const threadId = (await t.sql<{ id: string }>(`SELECT id FROM discussion_threads WHERE space_id = $1 AND author_id = $2`, [forum, member.id]))[0].id;
      const replied = await t.gql(`mutation($id: ID!) { replyToThread(threadId: $id, body: "me again") { id } }`, { id: threadId }, member.accessToken);
      expect(errorCode(replied)).toBe('FORBIDDEN');
    } finally {
      await t.sql(`UPDATE memberships SET status = 'ACTIVE' WHERE user_id = $1`, [member.id]);
    }
    await startThread(t, member, forum, 'After renewing');
  });

  it('creating a forum needs COMMUNITY_MANAGER (or admin)', async () => {
    const q = `mutation { createForum(input: { title: "Mine" }) { id } }`;
    expect(errorCode(await t.gql(q, {}, people.insider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(q))).toBe('UNAUTHENTICATED');
    const bad = await t.gql(`mutation { createForum(input: { title: "x" }) { id } }`, {}, people.admin.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields![0].path).toBe('input.title');
  });

  it('spaces lists the forums each person may read', async () => {
    const titles = async (token?: string) => (await t.gql(`{ spaces { totalCount edges { node { title kind } } } }`, {}, token)).data!.spaces.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(await titles()).toEqual(['Open forum']);
    expect(await titles(people.nonMember.accessToken)).toEqual(['Open forum']);
    expect(await titles(people.insider.accessToken)).toEqual(['Members lounge', 'Open forum']);
    expect(await titles(people.moderator.accessToken)).toEqual(['Members lounge', 'Open forum']);
  });

  /**
   * The file shelf and the live feed follow the read column: each persona downloads a file of the
   * space (checked on every request) and subscribes to postAdded; a post by the insider then reaches
   * exactly the personas who may read, the others being refused with the read column's code.
   */
  it.each(Object.keys(MATRIX))('%s: file download and the postAdded subscription follow the read column for every persona', async (kind) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'shelf.pdf');
    const uploaded = await fetch(`${t.url}/spaces/${spaces[kind]}/resources`, { method: 'POST', body: form, headers: { authorization: `Bearer ${people.insider.accessToken}` } });
    expect(uploaded.status).toBe(201);
    const { id: resourceId } = (await uploaded.json()) as { id: string };

    const personas = Object.keys(MATRIX[kind]) as Persona[];
    const watchers = personas.map((persona) => {
      const token = persona === 'anonymous' ? undefined : people[persona].accessToken;
      const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: false });
      clients.push(client);
      const watcher = { persona, received: [] as string[], errors: [] as unknown[] };
      client.subscribe<{ postAdded: { id: string } }>(
        { query: `subscription($id: ID!) { postAdded(spaceId: $id) { id } }`, variables: { id: spaces[kind] } },
        { next: (r) => (r.data ? watcher.received.push(r.data.postAdded.id) : watcher.errors.push(r.errors)), error: (e) => watcher.errors.push(e), complete: () => undefined },
      );
      return watcher;
    });

    for (const persona of personas) {
      const token = persona === 'anonymous' ? undefined : people[persona].accessToken;
      const response = await fetch(`${t.url}/resources/${resourceId}/download`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect([persona, response.status]).toEqual([persona, HTTP_STATUS[MATRIX[kind][persona][0]]]);
      if (response.ok) expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
      else await response.arrayBuffer();
    }

    const refusedOnes = watchers.filter((w) => MATRIX[kind][w.persona][0] !== 'ok');
    const end = Date.now() + 10_000;
    while (refusedOnes.some((w) => w.errors.length === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 300));
    const threadId = await startThread(t, people.insider, spaces[kind], `Live in ${kind}`, 'Hello');
    const post = await reply(t, people.insider, threadId, 'Live reply');
    const readers = watchers.filter((w) => MATRIX[kind][w.persona][0] === 'ok');
    while (readers.some((w) => !w.received.includes(post.id)) && Date.now() < end + 10_000) await new Promise((r) => setTimeout(r, 25));
    for (const w of watchers) {
      const expected = MATRIX[kind][w.persona][0];
      if (expected === 'ok') expect([w.persona, w.received.includes(post.id), w.errors]).toEqual([w.persona, true, []]);
      else {
        expect([w.persona, w.received]).toEqual([w.persona, []]);
        expect([w.persona, JSON.stringify(w.errors).includes(expected)]).toEqual([w.persona, true]);
      }
    }
  }, 60_000);
});
