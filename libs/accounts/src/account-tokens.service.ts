import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { badInput } from '../../core/src/index.js';
import { AccountTokenPurpose, TOKEN_TTL_SECONDS } from './account-token.purpose.js';
import { AccountTokensRepository, SpentToken } from './account-tokens.repository.js';
import { hashLinkToken, newLinkToken } from './link-token.js';

const TOKEN_REFUSED = 'is not valid: it may have expired, been used already, or been replaced by a newer link';

/** The one place link tokens are made and spent, whatever they are for. */
@Injectable()
export class AccountTokensService {
  constructor(private readonly tokens: AccountTokensRepository) {}

  /** A new token for `purpose` in the caller's transaction; the account's older live ones of that purpose stop working. */
  async issue(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, email: string): Promise<string> {
    const { token, hash } = newLinkToken();
    await this.tokens.replaceLive(manager, { userId, purpose, tokenHash: hash, email, ttlSeconds: TOKEN_TTL_SECONDS[purpose] });
    return token;
  }

  /** What a live link is for, for the page that opens it (nothing is spent); refused like `spend`. */
  async describe(token: string): Promise<{ purpose: AccountTokenPurpose; email: string; expiresAt: Date }> {
    const live = await this.tokens.findLive(hashLinkToken(token));
    if (!live) throw badInput('token', TOKEN_REFUSED, 'TOKEN_INVALID');
    return live;
  }

  /** Spends the token in the caller's transaction, or refuses it (BAD_USER_INPUT naming `token`). */
  async spend(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<SpentToken> {
    const spent = await this.tokens.spend(manager, hashLinkToken(token), purpose);
    if (!spent) throw badInput('token', TOKEN_REFUSED, 'TOKEN_INVALID');
    return spent;
  }
}
