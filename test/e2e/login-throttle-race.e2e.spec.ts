import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PasswordHasher } from '../../libs/accounts/src/password-hasher.js';
import { signUpUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;

describe('log-in throttle under simultaneous guesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A pool wide enough that the 30 guesses really run side by side.
    t = await startTestApp({ DB_POOL_SIZE: '20' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets at most the per-email limit of 30 simultaneous wrong passwords reach the password check', async () => {
    const user = await signUpUser(t);
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => t.gql(LOG_IN, { input: { email: user.email, password: 'a wrong guess!' } })),
    );
    const codes = results.map(errorCode);
    const limit = t.config.loginThrottle.maxPerEmail;
    expect(verify.mock.calls.length).toBeLessThanOrEqual(limit);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(verify.mock.calls.length);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(30 - verify.mock.calls.length);
    // Every admitted guess stays counted: the right password is now refused too.
    expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: user.password } }))).toBe('TOO_MANY_REQUESTS');
    verify.mockRestore();
  });

  it('clears the attempt on success, so right passwords never use up the limit', async () => {
    const user = await signUpUser(t);
    for (let i = 0; i < t.config.loginThrottle.maxPerEmail + 2; i++) {
      expect(errorCode(await t.gql(LOG_IN, { input: { email: user.email, password: user.password } }))).toBeUndefined();
    }
  });
});
