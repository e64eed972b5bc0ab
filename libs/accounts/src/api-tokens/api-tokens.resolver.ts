import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, Authenticated, ConnectionArgs, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { User } from '../user.type.js';
import { UsersLoader } from '../users.loader.js';
import { ApiTokenIdArgs, CreateApiTokenInput } from './api-token.inputs.js';
import { ApiToken, ApiTokenConnection, ApiTokenCreated } from './api-token.type.js';
import { ApiTokensService } from './api-tokens.service.js';

@Resolver(() => ApiToken)
export class ApiTokensResolver {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @Mutation(() => ApiTokenCreated, { description: 'Makes a token bounded by your own rights; the secret is shown this once.' })
  createApiToken(@Args('input') input: CreateApiTokenInput, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<ApiTokenCreated> {
    return this.tokens.create(viewer, input, ctx.requestId);
  }

  @Authenticated()
  @Mutation(() => ApiToken, { description: 'Your own token, or (admins) any token.' })
  revokeApiToken(@Args() args: ApiTokenIdArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<ApiToken> {
    return this.tokens.revoke(viewer, args.id, ctx.requestId);
  }

  @Authenticated()
  @Query(() => [ApiToken], { description: 'Your tokens, newest first (at most 100).' })
  myApiTokens(@CurrentViewer() viewer: Viewer): Promise<ApiToken[]> {
    return this.tokens.listMine(viewer);
  }

  @AdminOnly()
  @Query(() => ApiTokenConnection, { description: 'Admin: every token, newest first.' })
  apiTokens(@Args() args: ConnectionArgs): Promise<ApiTokenConnection> {
    return this.tokens.listAll(args);
  }

  @AdminOnly()
  @ResolveField(() => User, { description: 'Admin: the account whose rights bound the token (as the apiTokens list is admin-only).' })
  async owner(@Parent() token: ApiToken, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(token.ownerId);
    if (!user) throw new Error(`api token ${token.id} has no owner`);
    return user;
  }
}
