import { createHash, randomBytes } from 'node:crypto';

/** A token for an emailed link: 32 random bytes as base64url; only its SHA-256 (hex) is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
