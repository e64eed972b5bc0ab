import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../core/src/index.js';
import { AccountLink } from './account-link.type.js';
import { AccountTokensService } from './account-tokens.service.js';
import { TokenArgs } from './inputs/account-flows.inputs.js';

@Resolver()
export class AccountLinkResolver {
  constructor(private readonly tokens: AccountTokensService) {}

  @Public()
  @Query(() => AccountLink, {
    description: 'What an emailed link (reset, claim, verify, confirm email) is for, without using it: a page can say whose it is, or that it no longer works (BAD_USER_INPUT on `token`).',
  })
  accountLink(@Args() { token }: TokenArgs): Promise<AccountLink> {
    return this.tokens.describe(token);
  }
}
