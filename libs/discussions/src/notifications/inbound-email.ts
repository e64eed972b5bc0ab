import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The inbound mail this server accepts at POST /webhooks/inbound-email: the JSON most inbound-mail
 * services can post (or be mapped to by a small function at the provider), signed by the sender of
 * the webhook with the shared secret DISCUSSIONS_INBOUND_EMAIL_SECRET:
 *
 *   X-Guildhall-Timestamp: <unix seconds>            (refused when more than 5 minutes off)
 *   X-Guildhall-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">
 *   { "from": "Ada Lovelace <ada@example.org>", "to": ["r+…@reply.example.org"],
 *     "subject": "Re: …", "text": "the plain-text body", "messageId": "<…>" }
 *
 * `to` may also be a single string; `cc` (same shapes) is searched too.
 */
export interface InboundEmail {
  from: string;
  to: string[];
  text: string;
  /** The email's Message-ID: a second delivery of the same message writes nothing. */
  messageId: string | null;
}

export const TOLERANCE_SECONDS = 300;

export class InboundProblem extends Error {}

export function signInbound(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export function verifyInbound(secret: string, rawBody: Buffer | undefined, timestampHeader: unknown, signatureHeader: unknown, now = Date.now()): void {
  if (!rawBody) throw new InboundProblem('The request has no body');
  const timestamp = typeof timestampHeader === 'string' && /^\d{1,12}$/.test(timestampHeader) ? Number(timestampHeader) : NaN;
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > TOLERANCE_SECONDS) throw new InboundProblem('The timestamp is missing or too far from now');
  const expected = Buffer.from(signInbound(secret, timestamp, rawBody));
  const given = Buffer.from(typeof signatureHeader === 'string' ? signatureHeader : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InboundProblem('The signature does not match');
}

const list = (value: unknown): string[] => (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The bare address of "Name <a@b>" or "a@b", lower-cased. */
export function bareAddress(value: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  return (match ? match[1] : value).trim().toLowerCase();
}

export function parseInbound(body: unknown): InboundEmail {
  if (!body || typeof body !== 'object') throw new InboundProblem('The body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.from !== 'string' || typeof b.text !== 'string') throw new InboundProblem('"from" and "text" are required strings');
  if (b.text.length > 200_000) throw new InboundProblem('"text" is too long');
  if (b.messageId !== undefined && b.messageId !== null && (typeof b.messageId !== 'string' || b.messageId.length > 998)) throw new InboundProblem('"messageId" must be a string of at most 998 characters');
  const messageId = typeof b.messageId === 'string' && b.messageId.trim() ? b.messageId.trim() : null;
  return { from: bareAddress(b.from), to: [...list(b.to), ...list(b.cc)].map(bareAddress), text: b.text, messageId };
}

/**
 * The new part of a reply: everything above the first quoted line ("> …"), the "On … wrote:"
 * attribution, an "-----Original Message-----" separator or a signature marker ("-- ").
 */
export function newPartOfReply(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*>/.test(line) || /^On .{1,300} wrote:\s*$/i.test(line.trim()) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line.trim()) || line === '-- ') break;
    out.push(line);
  }
  return out.join('\n').trim();
}
