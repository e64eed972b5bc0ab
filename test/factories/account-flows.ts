import { createHash } from 'node:crypto';
import { TestApp } from '../utils/test-app.js';

/** How a link token is stored: SHA-256, hex. */
export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SentLink {
  token: string;
  bodyText: string;
  bodyHtml: string | null;
  subject: string;
}

/** The newest email of `template` to `to`, with the token of the link in it (read from the outbox row). */
export async function linkSentTo(t: TestApp, to: string, template: string): Promise<SentLink> {
  const [row] = await t.sql<{ body_text: string; body_html: string | null; subject: string }>(
    `SELECT body_text, body_html, subject FROM outbox_messages WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [to.toLowerCase(), template],
  );
  if (!row) throw new Error(`no ${template} email to ${to}`);
  const match = /\?token=([A-Za-z0-9_-]{43})/.exec(row.body_text);
  if (!match) throw new Error(`no link token in ${template} email to ${to}`);
  return { token: match[1], bodyText: row.body_text, bodyHtml: row.body_html, subject: row.subject };
}

export async function countEmails(t: TestApp, to: string, template: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE to_address = $1 AND template = $2`, [to.toLowerCase(), template]);
  return row.n;
}

/** Puts a token's expiry one second in the past. */
export async function expireToken(t: TestApp, token: string): Promise<void> {
  await t.sql(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(token)]);
}

export async function setRequireVerifiedEmail(t: TestApp, adminToken: string, on: boolean): Promise<void> {
  const result = await t.gql(
    `mutation($on: Boolean!) { updateAssociationSettings(input: { requireVerifiedEmail: $on }) { requireVerifiedEmail } }`,
    { on },
    adminToken,
  );
  if (result.data?.updateAssociationSettings?.requireVerifiedEmail !== on) throw new Error(`updateAssociationSettings failed: ${JSON.stringify(result.errors)}`);
}

export const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
export const RESET = `mutation($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) }`;
export const INVITE = `mutation($ids: [ID!], $all: Boolean) { sendAccountInvitations(userIds: $ids, allUnclaimed: $all) { invited skipped remaining } }`;
export const CLAIM = `mutation($token: String!, $pw: String!) { claimAccount(token: $token, password: $pw) { accessToken refreshToken user { id email emailVerified } } }`;
export const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
export const RESEND = `mutation { resendVerificationEmail }`;
export const REQUEST_EMAIL_CHANGE = `mutation($email: String!, $pw: String!) { requestEmailChange(newEmail: $email, currentPassword: $pw) }`;
export const CONFIRM_EMAIL_CHANGE = `mutation($token: String!) { confirmEmailChange(token: $token) }`;
export const MY_SESSIONS = `query($first: Int, $after: String) { mySessions(first: $first, after: $after) { totalCount edges { node { id createdAt lastUsedAt userAgent clientAddress current } } pageInfo { hasNextPage endCursor } } }`;
export const END_SESSION = `mutation($id: ID!) { endSession(id: $id) }`;
export const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
export const ME_STATUS = `{ me { id email emailVerified } }`;
export const ACCOUNT_LINK = `query($token: String!) { accountLink(token: $token) { purpose email expiresAt } }`;
