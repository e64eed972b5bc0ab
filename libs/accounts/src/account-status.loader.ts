import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../../core/src/index.js';
import { type AccountStatusRow, AccountTokensRepository } from './account-tokens.repository.js';
import { UNCLAIMED_PASSWORD_HASH } from './unclaimed-account.js';

/** Verified, claimed and last invitation per account, batched per request. */
@Injectable()
export class AccountStatusLoader {
  constructor(private readonly tokens: AccountTokensRepository) {}

  byUserId(ctx: RequestContext): DataLoader<string, AccountStatusRow | undefined> {
    return ctx.loaders.get('accounts.statusByUserId', () => new DataLoader((ids: readonly string[]) => this.tokens.statusByUserIds(ids, UNCLAIMED_PASSWORD_HASH)));
  }
}
