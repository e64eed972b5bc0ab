import { describe, expect, it } from '@jest/globals';
import { CombinedError } from 'urql';
import { secondFactorReason } from './second-factor.js';

const refused = (extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message: 'refused', extensions }] });

describe('secondFactorReason', () => {
  it('reads TOTP_REQUIRED and BAD_SECOND_FACTOR from a refused log-in', () => {
    expect(secondFactorReason(refused({ code: 'UNAUTHENTICATED', reason: 'TOTP_REQUIRED' }))).toBe('TOTP_REQUIRED');
    expect(secondFactorReason(refused({ code: 'UNAUTHENTICATED', reason: 'BAD_SECOND_FACTOR' }))).toBe('BAD_SECOND_FACTOR');
  });

  it('is null for any other refusal (a wrong password, throttling, the network)', () => {
    expect(secondFactorReason(refused({ code: 'UNAUTHENTICATED' }))).toBeNull();
    expect(secondFactorReason(refused({ code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_THROTTLED' }))).toBeNull();
    expect(secondFactorReason(new CombinedError({ networkError: new Error('offline') }))).toBeNull();
  });
});
