import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { type AppConfig, AppError, Role, SecretBox, type SecretsAtRest } from '../../core/src/index.js';
import { TokenService } from './token.service.js';

/** JWT_SECRET set: the service never reads the database for its key. */
function tokenService(ttlSeconds = 900): TokenService {
  const config = { jwtSecret: 'a test secret that is long enough for HS256 signing', accessTokenTtlSeconds: ttlSeconds } as AppConfig;
  return new TokenService(config, undefined as unknown as DataSource, true, new SecretBox([]), undefined as unknown as SecretsAtRest);
}

const CLAIMS = { userId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002', role: Role.USER };

async function reason(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).options.reason;
}

describe('TokenService.verifyAccessToken', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('remembers a verified token: the same claims object for the same token, frozen', async () => {
    const tokens = tokenService();
    const { token } = await tokens.signAccessToken(CLAIMS);
    const first = await tokens.verifyAccessToken(token);
    expect(first).toEqual(CLAIMS);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await tokens.verifyAccessToken(token)).toBe(first);
  });

  it('refuses a remembered token once it has expired, and a token differing by one character', async () => {
    const tokens = tokenService(60);
    const { token, expiresAt } = await tokens.signAccessToken(CLAIMS);
    await tokens.verifyAccessToken(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect(await reason(tokens.verifyAccessToken(forged))).toBe('TOKEN_INVALID');
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime());
    expect(await reason(tokens.verifyAccessToken(token))).toBe('TOKEN_EXPIRED');
    // Still refused afterwards (the entry was dropped, not kept).
    expect(await reason(tokens.verifyAccessToken(token))).toBe('TOKEN_EXPIRED');
  });
});
