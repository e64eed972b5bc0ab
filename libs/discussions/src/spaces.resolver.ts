import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, mapNodes, CurrentRequest, decodeCursor, badInput, isUuid, lazy, pageSize, Public, type RequestContext, RequirePermission, StaffPermission, toConnection } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { SpaceIdArgs, ThreadsArgs } from './args/discussion.args.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { ForumsService } from './forums.service.js';
import { CreateForumInput } from './inputs/forum.input.js';
import { Space, SpaceConnection } from './types/space.type.js';
import { Thread, ThreadConnection } from './types/thread.type.js';

/** Threads of a space: cursor (pinned, lastPostAt, id), checked before it reaches SQL. */
function threadCursor(after: string | undefined): [boolean, string, string] | undefined {
  const values = decodeCursor(after, 3);
  if (!values) return undefined;
  const [pinned, at, id] = values;
  if (typeof pinned !== 'boolean' || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) throw badInput('after', 'is not a cursor this list gave out');
  return [pinned, at, id];
}

/**
 * Spaces. Reading anything in a space goes through SpaceAccess (per-request loaders), whichever
 * path reached it: a forum list, `space(id)`, or a place's `space` field.
 */
@Resolver(() => Space)
export class SpacesResolver {
  constructor(
    private readonly forums: ForumsService,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
  ) {}

  @Public()
  @Query(() => SpaceConnection, { description: 'The topic forums the viewer may read (public ones for anyone; members-only ones for members in good standing and community staff), by title.' })
  async spaces(@Args() { first, after }: ConnectionArgs, @CurrentRequest() ctx: RequestContext): Promise<SpaceConnection> {
    const page = await this.forums.list(ctx, first, after);
    return mapNodes(page, (node) => Space.from(node));
  }

  @Public()
  @Query(() => Space, { nullable: true, description: 'A space by id (null when there is none). UNAUTHENTICATED/FORBIDDEN when the viewer may not read it; a mentoring pair\'s space reads as NOT_FOUND to anyone but its two people and admins.' })
  async space(@Args() { id }: SpaceIdArgs, @CurrentRequest() ctx: RequestContext): Promise<Space | null> {
    const space = await this.loaders.spaceById(ctx).load(id);
    if (!space) return null;
    await this.access.assertRead(ctx, space);
    return Space.from(space);
  }

  @RequirePermission(StaffPermission.COMMUNITY_MANAGER)
  @Mutation(() => Space, { description: 'Staff with COMMUNITY_MANAGER (and admins). Audited.' })
  async createForum(@Args('input') input: CreateForumInput, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return Space.from(await this.forums.create(ctx, input));
  }

  @Public()
  @ResolveField(() => String, { description: "A forum's title, or the current name of the group, cohort or event." })
  async title(@Parent() space: Space, @CurrentRequest() ctx: RequestContext): Promise<string> {
    if (!space.placeId) return space.forumTitle;
    return (await this.loaders.place(ctx).load(`${space.kind}:${space.placeId}`))?.title ?? space.forumTitle;
  }

  @Public()
  @ResolveField(() => Boolean, { description: 'The viewer may start threads and reply here now (members who lapse lose this at once).' })
  async canPost(@Parent() space: Space, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return (await this.access.rights(ctx, space.entity)).post;
  }

  @Public()
  @ResolveField(() => Boolean, { description: 'The viewer may hide and restore posts, pin and lock threads here.' })
  async canModerate(@Parent() space: Space, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return (await this.access.rights(ctx, space.entity)).moderate;
  }

  @Public()
  @ResolveField(() => ThreadConnection, { description: 'Pinned threads first, then the most recently active. Readers of the space only.' })
  async threads(@Parent() space: Space, @Args() { first, after, search }: ThreadsArgs, @CurrentRequest() ctx: RequestContext): Promise<ThreadConnection> {
    await this.access.assertRead(ctx, space.entity);
    const limit = pageSize(first);
    const query = search?.trim() || undefined;
    const rows = await this.loaders.threadPage(ctx, { after: threadCursor(after), limit: limit + 1, search: query }).load(space.id);
    const page = toConnection(rows, limit, (t) => [t.pinned, t.lastPostAt.toISOString(), t.id], lazy(() => this.loaders.threadCount(ctx, query).load(space.id)));
    return mapNodes(page, (node) => Thread.from(node));
  }
}
