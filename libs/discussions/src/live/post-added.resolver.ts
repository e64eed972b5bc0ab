import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Resolver, Subscription } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CurrentRequest, notFound, Public, type RequestContext, RequestLoaders, VIEWER_LOOKUP, type ViewerLookup } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { type PostEntity } from '../entities/post.entity.js';
import { Post } from '../types/post.type.js';
import { LiveFanout, type LiveSignal } from './live-fanout.js';

@ArgsType()
class PostAddedArgs {
  @Field(() => ID) @IsUUID() spaceId: string;
}

/**
 * `postAdded(spaceId)` over graphql-ws: checked when the client subscribes, and again for every post
 * (a fresh look at the viewer, their standing and the place), so someone who loses the right to
 * read stops receiving at once.
 */
@Resolver(() => Post)
export class PostAddedResolver {
  constructor(
    private readonly fanout: LiveFanout,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    @Inject(VIEWER_LOOKUP) private readonly viewers: ViewerLookup,
  ) {}

  @Public()
  @Subscription(() => Post, {
    description: 'New posts (threads and replies) in a space the viewer may read. Over graphql-ws at /graphql; send the access token in connection_init: { authorization: "Bearer …" }.',
    filter(this: PostAddedResolver, signal: LiveSignal, _args: unknown, ctx: RequestContext) {
      return this.mayStillRead(ctx, signal);
    },
    async resolve(this: PostAddedResolver, signal: LiveSignal, _args: unknown, ctx: RequestContext) {
      const shared = this.shared(signal);
      shared.post ??= this.loaders.postById(this.fresh(ctx)).load(signal.id);
      return Post.from((await shared.post)!);
    },
  })
  async postAdded(@Args() { spaceId }: PostAddedArgs, @CurrentRequest() ctx: RequestContext): Promise<AsyncIterableIterator<LiveSignal>> {
    const space = await this.loaders.spaceById(ctx).load(spaceId);
    if (!space) throw notFound('Space');
    await this.access.assertRead(ctx, space);
    return this.fanout.iterator('post', spaceId);
  }

  /** A new request context per event: nothing cached from the moment of subscribing. */
  private fresh(ctx: RequestContext): RequestContext {
    return { ...ctx, loaders: new RequestLoaders(), viewer: undefined, viewerPromise: undefined };
  }

  /**
   * What one event's subscribers share: the post, and the read check per access token (connections
   * of the same person ask once per event, still freshly). Dropped with the event.
   */
  private readonly perSignal = new WeakMap<LiveSignal, { post?: Promise<PostEntity | undefined>; reads: Map<string, Promise<boolean>> }>();

  private shared(signal: LiveSignal) {
    let entry = this.perSignal.get(signal);
    if (!entry) this.perSignal.set(signal, (entry = { reads: new Map() }));
    return entry;
  }

  private mayStillRead(ctx: RequestContext, signal: LiveSignal): Promise<boolean> {
    const header = ctx.req.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer (.+)$/.exec(header)?.[1] : undefined;
    const reads = this.shared(signal).reads;
    const key = token ?? '';
    let read = reads.get(key);
    if (!read) reads.set(key, (read = this.check(ctx, signal, token)));
    return read;
  }

  private async check(ctx: RequestContext, signal: LiveSignal, token: string | undefined): Promise<boolean> {
    const fresh = this.fresh(ctx);
    try {
      fresh.viewer = token ? await this.viewers.viewerFromAccessToken(token) : null;
      const space = await this.loaders.spaceById(fresh).load(signal.key);
      return !!space && (await this.access.rights(fresh, space)).read;
    } catch {
      return false;
    }
  }
}
