import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random alphanumeric characters, as in Stripe ids. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Lengths of the random part, close to what Stripe issues. */
const LENGTHS: Record<string, number> = { cs_test: 58, evt: 24, req: 14 };

/** A Stripe-style id: `cus_…`, `cs_test_…`, `evt_…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(LENGTHS[prefix] ?? 14)}`;
}
