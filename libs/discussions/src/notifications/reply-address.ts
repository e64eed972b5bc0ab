import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reply addresses: `r+<token>@<reply domain>`, where the token is a notification id and a truncated
 * HMAC of it, in lower-case base32 (mail systems may change the case of a local part; 39 characters
 * keep the local part under 64). The notification says who was written to and about which post, so a
 * reply can become a post by that person in that thread, once the sender's address matches theirs.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const MAC_BYTES = 8;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const keyFrom = (secret: string) => createHmac('sha256', secret).update('guildhall reply address').digest();
const mac = (key: Buffer, id: Buffer) => createHmac('sha256', key).update(id).digest().subarray(0, MAC_BYTES);

export function replyAddress(secret: string, domain: string, notificationId: string): string {
  const id = Buffer.from(notificationId.replace(/-/g, ''), 'hex');
  return `r+${base32(Buffer.concat([id, mac(keyFrom(secret), id)]))}@${domain}`;
}

/** The notification id a reply address carries, or undefined when it is not one of ours or is forged. */
export function notificationOfAddress(secret: string, domain: string, address: string): string | undefined {
  const match = /^r\+([a-z2-7]{39})@(.+)$/.exec(address.trim().toLowerCase());
  if (!match || match[2] !== domain) return undefined;
  const bytes = unbase32(match[1]);
  if (!bytes || bytes.length < 16 + MAC_BYTES) return undefined;
  const id = bytes.subarray(0, 16);
  const given = bytes.subarray(16, 16 + MAC_BYTES);
  if (!timingSafeEqual(given, mac(keyFrom(secret), id))) return undefined;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
