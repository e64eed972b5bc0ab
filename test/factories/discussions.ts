import { TestApp } from '../utils/test-app.js';
import { TestUser } from './users.js';

export const START_THREAD = `mutation($spaceId: ID!, $input: StartThreadInput!) { startThread(spaceId: $spaceId, input: $input) { id title } }`;
export const REPLY = `mutation($threadId: ID!, $body: String!, $quote: ID) { replyToThread(threadId: $threadId, body: $body, quotePostId: $quote) { id body html } }`;
export const READ_SPACE = `query($id: ID!) { space(id: $id) { id kind title canPost threads(first: 5) { totalCount edges { node { id title } } } } }`;

export async function createForum(t: TestApp, staff: TestUser, input: { title?: string; membersOnly?: boolean; questionsAndAnswers?: boolean } = {}): Promise<string> {
  const result = await t.gql(`mutation($input: CreateForumInput!) { createForum(input: $input) { id } }`, { input: { title: input.title ?? 'General discussion', ...input } }, staff.accessToken);
  if (!result.data?.createForum) throw new Error(`createForum failed: ${JSON.stringify(result.errors)}`);
  return result.data.createForum.id;
}

export async function startThread(t: TestApp, user: TestUser, spaceId: string, title = 'A question', body = 'What do you think?'): Promise<string> {
  const result = await t.gql(START_THREAD, { spaceId, input: { title, body } }, user.accessToken);
  if (!result.data?.startThread) throw new Error(`startThread failed: ${JSON.stringify(result.errors)}`);
  return result.data.startThread.id;
}

export async function reply(t: TestApp, user: TestUser, threadId: string, body: string, quote?: string): Promise<{ id: string; body: string; html: string }> {
  const result = await t.gql(REPLY, { threadId, body, quote }, user.accessToken);
  if (!result.data?.replyToThread) throw new Error(`replyToThread failed: ${JSON.stringify(result.errors)}`);
  return result.data.replyToThread;
}

/** Gives an account the COMMUNITY_MANAGER staff permission (read with the viewer on each request). */
export async function makeCommunityManager(t: TestApp, user: TestUser): Promise<void> {
  await t.sql(`UPDATE users SET staff_permissions = '{COMMUNITY_MANAGER}' WHERE id = $1`, [user.id]);
}
