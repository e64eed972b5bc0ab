import { createHmac, createSecretKey } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { errors, jwtVerify, SignJWT } from 'jose';
import { verifyHs256 } from './hs256-verifier.js';

const SECRET = new TextEncoder().encode('a-test-secret-of-at-least-thirty-two-bytes');
const OTHER = new TextEncoder().encode('another-secret-of-at-least-thirty-two-bytes');
const EXPECT = { issuer: 'guildhall', audience: 'guildhall-api', requiredClaims: ['sub', 'exp', 'iat'] } as const;
const NOW = Math.floor(Date.now() / 1000);

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A token with any header and payload, signed with HMAC-SHA256 over exactly what it carries. */
function handMade(header: unknown, payload: unknown, secret = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'u1', sid: 's1', role: 'USER', iss: 'guildhall', aud: 'guildhall-api', iat: NOW, exp: NOW + 600, ...extra });
const HS256 = { alg: 'HS256', typ: 'JWT' };

/** jose's decision on the same token, in verifyHs256's terms: the reference this verifier must match. */
async function joseDecides(token: string): Promise<'ok' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID'> {
  try {
    await jwtVerify(token, SECRET, { algorithms: ['HS256'], issuer: EXPECT.issuer, audience: EXPECT.audience, requiredClaims: [...EXPECT.requiredClaims], currentDate: new Date(NOW * 1000) });
    return 'ok';
  } catch (error) {
    return error instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID';
  }
}
const oursDecides = (token: string) => {
  const outcome = verifyHs256(token, createSecretKey(SECRET), EXPECT, NOW);
  return outcome.ok ? 'ok' : outcome.reason;
};

describe('verifyHs256 decides as jose jwtVerify does', () => {
  const signed = (payload: Record<string, unknown>, header: Record<string, unknown> = HS256, secret = SECRET) =>
    new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(secret);
  const [h, p, s] = handMade(HS256, claims()).split('.');

  const cases: Array<[string, () => Promise<string> | string, 'ok' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID']> = [
    ['a good token signed by jose', () => signed(claims()), 'ok'],
    ['a good token made by hand', () => handMade(HS256, claims()), 'ok'],
    ['the audience in an array', () => handMade(HS256, claims({ aud: ['other', 'guildhall-api'] })), 'ok'],
    ['no typ header', () => handMade({ alg: 'HS256' }, claims()), 'ok'],
    ['nbf in the past', () => handMade(HS256, claims({ nbf: NOW - 10 })), 'ok'],
    ['expired', () => handMade(HS256, claims({ exp: NOW - 1 })), 'TOKEN_EXPIRED'],
    ['expiring this second', () => handMade(HS256, claims({ exp: NOW })), 'TOKEN_EXPIRED'],
    ['expired and signed with another key', () => handMade(HS256, claims({ exp: NOW - 60 }), OTHER), 'TOKEN_INVALID'],
    ['expired with a foreign audience', () => handMade(HS256, claims({ exp: NOW - 60, aud: 'other' })), 'TOKEN_INVALID'],
    ['signed with another key', () => handMade(HS256, claims(), OTHER), 'TOKEN_INVALID'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, 'TOKEN_INVALID'],
    ['alg none with a signature', () => handMade({ alg: 'none' }, claims()), 'TOKEN_INVALID'],
    ['alg HS512 signed as HS256', () => handMade({ alg: 'HS512' }, claims()), 'TOKEN_INVALID'],
    ['alg HS512 by jose', () => signed(claims(), { alg: 'HS512' }), 'TOKEN_INVALID'],
    ['alg in lower case', () => handMade({ alg: 'hs256' }, claims()), 'TOKEN_INVALID'],
    ['a tampered payload', () => `${h}.${b64(claims({ role: 'ADMIN' }))}.${s}`, 'TOKEN_INVALID'],
    ['a tampered header', () => `${b64({ alg: 'HS256', typ: 'JWS' })}.${p}.${s}`, 'TOKEN_INVALID'],
    ['a truncated signature', () => `${h}.${p}.${s.slice(0, -2)}`, 'TOKEN_INVALID'],
    ['no signature', () => `${h}.${p}.`, 'TOKEN_INVALID'],
    ['a fourth segment', () => `${h}.${p}.${s}.${s}`, 'TOKEN_INVALID'],
    ['two segments', () => `${h}.${p}`, 'TOKEN_INVALID'],
    ['garbage', () => 'garbage', 'TOKEN_INVALID'],
    ['an empty string', () => '', 'TOKEN_INVALID'],
    ['a header that is not JSON', () => handMade('not json', claims()), 'TOKEN_INVALID'],
    ['a header that is an array', () => handMade(['HS256'], claims()), 'TOKEN_INVALID'],
    ['a payload that is not JSON', () => handMade(HS256, 'not json'), 'TOKEN_INVALID'],
    ['a payload that is an array', () => handMade(HS256, [claims()]), 'TOKEN_INVALID'],
    ['a payload that is null', () => handMade(HS256, 'null'), 'TOKEN_INVALID'],
    ['a foreign issuer', () => handMade(HS256, claims({ iss: 'someone-else' })), 'TOKEN_INVALID'],
    ['a foreign audience', () => handMade(HS256, claims({ aud: 'other' })), 'TOKEN_INVALID'],
    ['an audience array without ours', () => handMade(HS256, claims({ aud: ['a', 'b'] })), 'TOKEN_INVALID'],
    ['no issuer', () => handMade(HS256, claims({ iss: undefined })), 'TOKEN_INVALID'],
    ['no audience', () => handMade(HS256, claims({ aud: undefined })), 'TOKEN_INVALID'],
    ['no subject', () => handMade(HS256, claims({ sub: undefined })), 'TOKEN_INVALID'],
    ['no expiry', () => handMade(HS256, claims({ exp: undefined })), 'TOKEN_INVALID'],
    ['no issued-at', () => handMade(HS256, claims({ iat: undefined })), 'TOKEN_INVALID'],
    ['an expiry that is a string', () => handMade(HS256, claims({ exp: String(NOW + 600) })), 'TOKEN_INVALID'],
    ['an issued-at that is a string', () => handMade(HS256, claims({ iat: String(NOW) })), 'TOKEN_INVALID'],
    ['not before a future time', () => handMade(HS256, claims({ nbf: NOW + 60 })), 'TOKEN_INVALID'],
    ['not before that is a string', () => handMade(HS256, claims({ nbf: 'soon' })), 'TOKEN_INVALID'],
    ['a critical header jose does not know', () => handMade({ alg: 'HS256', crit: ['exp'], exp: 1 }, claims()), 'TOKEN_INVALID'],
  ];

  it.each(cases)('%s', async (_name, make, expected) => {
    const token = await make();
    expect(await joseDecides(token)).toBe(expected);
    expect(oursDecides(token)).toBe(expected);
  });

  it('returns the payload of a good token', () => {
    const outcome = verifyHs256(handMade(HS256, claims()), createSecretKey(SECRET), EXPECT, NOW);
    expect(outcome).toEqual({ ok: true, payload: claims() });
  });

  it('is stricter than jose only where our tokens never go: a signature with characters outside base64url', async () => {
    const token = handMade(HS256, claims());
    expect(oursDecides(`${token}=`)).toBe('TOKEN_INVALID');
    expect(oursDecides(`${token.slice(0, 10)} ${token.slice(10)}`)).toBe('TOKEN_INVALID');
  });
});
