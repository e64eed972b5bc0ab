import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGroup, goodStandingTier, joinGroup, memberInGoodStanding } from '../factories/communities.js';
import { createForum, startThread } from '../factories/discussions.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startFakeS3 } from '../utils/fake-s3.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

/** A minimal, valid one-page PDF and a PNG signature with a header: enough for sniffing by bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e0a1e2b10000000049454e44ae426082', 'hex');

describe('discussions: resources (links and files) follow the space', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let groupSpace: string;
  let publicForum: string;

  const upload = (spaceId: string, bytes: Buffer, name: string, token?: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${t.url}/spaces/${spaceId}/resources`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  };
  const download = (id: string, token?: string) => fetch(`${t.url}/resources/${id}/download`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-files-'));
    t = await startTestApp({ GUILDHALL_DATA_DIR: dataDir });
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    member = await memberInGoodStanding(t, tierId, 'Shelf Member');
    const organiser = await memberInGoodStanding(t, tierId, 'Shelf Organiser');
    outsider = await memberInGoodStanding(t, tierId, 'Shelf Outsider');
    const group = await createGroup(t, organiser);
    await joinGroup(t, member, group);
    groupSpace = (await t.gql(`query($id: ID!) { studyGroup(id: $id) { space { id } } }`, { id: group }, member.accessToken)).data!.studyGroup.space.id;
    publicForum = await createForum(t, admin, { title: 'Open shelf', membersOnly: false });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a member uploads a PDF (type sniffed from the bytes); readers download it, others are refused every time', async () => {
    const response = await upload(groupSpace, PDF, 'notes.pdf', member.accessToken, { title: 'Week 1 notes', tags: 'Reading, week1' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; contentType: string; title: string };
    expect(created).toMatchObject({ contentType: 'application/pdf', title: 'Week 1 notes' });
    const ok = await download(created.id, member.accessToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await download(created.id, admin.accessToken)).status).toBe(200);
    expect((await download(created.id, outsider.accessToken)).status).toBe(403);
    expect((await download(created.id)).status).toBe(401);
    expect((await download('00000000-0000-4000-8000-000000000000', member.accessToken)).status).toBe(404);
    const shelf = await t.gql(`query($id: ID!) { space(id: $id) { resources { totalCount edges { node { title kind tags fileName addedBy { fullName } } } } } }`, { id: groupSpace }, member.accessToken);
    expect(shelf.data!.space.resources.edges[0].node).toEqual({ title: 'Week 1 notes', kind: 'FILE', tags: ['reading', 'week1'], fileName: 'notes.pdf', addedBy: { fullName: 'Shelf Member' } });
    expect(errorCode(await t.gql(`query($id: ID!) { space(id: $id) { resources { totalCount } } }`, { id: groupSpace }, outsider.accessToken))).toBe('FORBIDDEN');
  });

  it('refuses uploads by people who may not post, without a token, of the wrong kind (whatever the name), or too large; stores nothing', async () => {
    const before = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM discussion_resources`))[0].n;
    expect((await upload(groupSpace, PDF, 'x.pdf', outsider.accessToken)).status).toBe(403);
    expect((await upload(groupSpace, PDF, 'x.pdf')).status).toBe(401);
    const disguised = await upload(groupSpace, Buffer.from('<html><script>alert(1)</script></html>'), 'innocent.pdf', member.accessToken);
    expect(disguised.status).toBe(400);
    expect(((await disguised.json()) as { fields: Array<{ path: string }> }).fields[0].path).toBe('file');
    expect((await upload(groupSpace, Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'big.pdf', member.accessToken)).status).toBe(413);
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM discussion_resources`))[0].n).toBe(before);
  });

  it('a public forum\'s files are for anyone; links go on the shelf through GraphQL and are validated', async () => {
    const png = (await (await upload(publicForum, PNG, 'dot.png', admin.accessToken)).json()) as { id: string; contentType: string };
    expect(png.contentType).toBe('image/png');
    expect((await download(png.id)).status).toBe(200);
    const add = `mutation($s: ID!, $input: AddLinkResourceInput!) { addLinkResource(spaceId: $s, input: $input) { title url kind } }`;
    const link = await t.gql(add, { s: groupSpace, input: { title: 'Syllabus', url: 'https://example.org/syllabus' } }, member.accessToken);
    expect(link.data!.addLinkResource).toEqual({ title: 'Syllabus', url: 'https://example.org/syllabus', kind: 'LINK' });
    const bad = await t.gql(add, { s: groupSpace, input: { title: 'Evil', url: 'javascript:alert(1)' } }, member.accessToken);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields![0].path).toBe('input.url');
    expect(errorCode(await t.gql(add, { s: groupSpace, input: { title: 'Mine', url: 'https://example.org' } }, outsider.accessToken))).toBe('FORBIDDEN');
    const stranger = await signUpUser(t);
    expect(errorCode(await t.gql(add, { s: publicForum, input: { title: 'Spam', url: 'https://spam.example' } }, stranger.accessToken))).toBe('FORBIDDEN');
  });

  it('search finds posts and resources the viewer may read, ranked, in keyset pages', async () => {
    await startThread(t, member, groupSpace, 'Zephyrine winds', 'The zephyrine chapter, in the group');
    await startThread(t, admin, publicForum, 'Open talk', 'A zephyrine remark for everyone');
    await t.gql(`mutation($s: ID!) { addLinkResource(spaceId: $s, input: { title: "Zephyrine reading list", url: "https://example.org/z" }) { id } }`, { s: groupSpace }, member.accessToken);
    const q = `query($q: String!, $first: Int, $after: String) { searchDiscussions(query: $q, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { rank post { body } resource { title } } } } }`;
    const found = async (token?: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = (await t.gql(q, { q: 'zephyrine', first: 1, after }, token)).data!.searchDiscussions;
        seen.push(...page.edges.map((e: { node: { post: { body: string } | null; resource: { title: string } | null } }) => e.node.post?.body ?? e.node.resource!.title));
        if (!page.pageInfo.hasNextPage) return { seen, total: page.totalCount };
        after = page.pageInfo.endCursor;
      }
    };
    const mine = await found(member.accessToken);
    expect(mine.total).toBe(3);
    expect([...mine.seen].sort()).toEqual(['A zephyrine remark for everyone', 'The zephyrine chapter, in the group', 'Zephyrine reading list']);
    expect((await found(outsider.accessToken)).seen).toEqual(['A zephyrine remark for everyone']);
    expect((await found()).seen).toEqual(['A zephyrine remark for everyone']);
    const ranks = (await t.gql(q, { q: 'zephyrine' }, member.accessToken)).data!.searchDiscussions.edges.map((e: { node: { rank: number } }) => e.node.rank);
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks);
    expect(errorCode(await t.gql(q, { q: 'z' }, member.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('with GUILDHALL_S3_BUCKET, files go to the bucket (a fake S3 server here) and come back from it', async () => {
    const s3 = await startFakeS3();
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'test-key';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
    const other = await startTestApp({ GUILDHALL_S3_BUCKET: 'guildhall-files', GUILDHALL_S3_ENDPOINT: s3.url, GUILDHALL_DATA_DIR: dataDir });
    try {
      const staff = await createAdminUser(other);
      const forum = await createForum(other, staff, { title: 'Bucket shelf', membersOnly: false });
      const form = new FormData();
      form.append('file', new Blob([PDF]), 'bucket.pdf');
      const response = await fetch(`${other.url}/spaces/${forum}/resources`, { method: 'POST', body: form, headers: { authorization: `Bearer ${staff.accessToken}` } });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const [{ storage_key: key }] = await other.sql<{ storage_key: string }>(`SELECT storage_key FROM discussion_resources WHERE id = $1`, [id]);
      expect(s3.objects.get(`/guildhall-files/${key}`)?.body.equals(PDF)).toBe(true);
      const back = await fetch(`${other.url}/resources/${id}/download`);
      expect(Buffer.from(await back.arrayBuffer()).equals(PDF)).toBe(true);
      s3.objects.clear();
      expect((await fetch(`${other.url}/resources/${id}/download`)).status).toBe(404);
    } finally {
      await other.close();
      await s3.close();
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});
