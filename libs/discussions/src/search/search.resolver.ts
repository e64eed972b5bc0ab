import { Args, ArgsType, Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { badInput, lazy, ConnectionArgs, CurrentRequest, decodeCursor, isUuid, pageSize, Public, type RequestContext, toConnection, Trim, Connection } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { Resource } from '../resources/resource.type.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { Post } from '../types/post.type.js';
import { SearchRepository } from './search.repository.js';

/** Spaces looked at per search, at most (oldest first): beyond this, narrow the search to a space. */
export const MAX_SPACES_SEARCHED = 5000;

@ObjectType('SearchHit', { description: 'A post or a resource matching the search; exactly one of `post` and `resource` is set.' })
export class SearchHit {
  @Field(() => Post, { nullable: true }) post: Post | null;
  @Field(() => Resource, { nullable: true }) resource: Resource | null;
  @Field(() => Float, { description: 'Relevance (PostgreSQL ts_rank; higher is better).' }) rank: number;
}

@ObjectType()
export class SearchHitConnection extends Connection(SearchHit) {}

@ArgsType()
class SearchArgs extends ConnectionArgs {
  @Field({ description: 'Words to find (web-search syntax: "a phrase", -without, or). 2 to 200 characters.' })
  @Trim()
  @IsString()
  @Length(2, 200)
  query: string;
}

/** Search over what the viewer may read: posts (not deleted or hidden) and resources, best first. */
@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SearchRepository,
    private readonly resources: ResourcesRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
  ) {}

  @Public()
  @Query(() => SearchHitConnection, { description: 'Full-text search over the posts and resources of every space the viewer may read, ranked; keyset pages.' })
  async searchDiscussions(@Args() { query, first, after }: SearchArgs, @CurrentRequest() ctx: RequestContext): Promise<SearchHitConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 3);
    if (cursor && (typeof cursor[0] !== 'number' || (cursor[1] !== 'POST' && cursor[1] !== 'RESOURCE') || !isUuid(cursor[2]))) throw badInput('after', 'is not a cursor this list gave out');
    const spaces = await this.loaders.spaceById(ctx).loadMany((await this.search.allSpaces(MAX_SPACES_SEARCHED)).map((s) => s.id));
    const readable: string[] = [];
    await Promise.all(spaces.map(async (space) => {
      if (space && !(space instanceof Error) && (await this.access.rights(ctx, space)).read) readable.push(space.id);
    }));
    const rows = readable.length ? await this.search.search(readable, query, cursor as [number, string, string] | undefined, limit + 1) : [];
    const page = toConnection(rows, limit, (r) => [r.rank, r.kind, r.id], lazy(async () => (readable.length ? this.search.count(readable, query) : 0)));
    const postIds = page.edges.filter((e) => e.node.kind === 'POST').map((e) => e.node.id);
    const posts = postIds.length ? await this.loaders.postById(ctx).loadMany(postIds) : [];
    const postById = new Map(posts.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])));
    const resourceIds = page.edges.filter((e) => e.node.kind === 'RESOURCE').map((e) => e.node.id);
    const resourceById = new Map((resourceIds.length ? await this.resources.findByIds(resourceIds) : []).flatMap((r) => (r ? [[r.id, r] as const] : [])));
    return {
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: {
          rank: e.node.rank,
          post: e.node.kind === 'POST' && postById.get(e.node.id) ? Post.from(postById.get(e.node.id)!) : null,
          resource: e.node.kind === 'RESOURCE' && resourceById.get(e.node.id) ? Resource.from(resourceById.get(e.node.id)!) : null,
        },
      })),
    };
  }
}
