import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User, UsersLoader } from '../../accounts/src/index.js';
import { Authenticated, CurrentRequest, Public, type RequestContext } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { type SpaceRights } from './access/space-policy.js';
import { EditPostArgs, ModeratePostArgs, PostIdArgs, ReactArgs, ReplyArgs, ReportPostArgs } from './args/discussion.args.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { PostsService } from './posts.service.js';
import { ThreadsService } from './threads.service.js';
import { Post, PostRevision, QuotedPost, ReactionCount } from './types/post.type.js';
import { Thread } from './types/thread.type.js';

@Resolver(() => Post)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    private readonly users: UsersLoader,
  ) {}

  /** Every field of a post re-checks that the viewer may read its space (cached per request). */
  private async rights(ctx: RequestContext, spaceId: string): Promise<SpaceRights> {
    return this.access.assertRead(ctx, await this.threads.space(ctx, spaceId));
  }

  @Authenticated()
  @Mutation(() => Post, { description: 'Replies to a thread (optionally quoting one of its posts). Needs the right to post; a locked thread takes replies from moderators only; rate-limited (TOO_MANY_REQUESTS).' })
  async replyToThread(@Args() { threadId, body, quotePostId }: ReplyArgs, @CurrentRequest() ctx: RequestContext): Promise<Post> {
    return Post.from(await this.posts.reply(ctx, threadId, body, quotePostId));
  }

  @Authenticated()
  @Mutation(() => Post, { description: 'Its author, while they may still post in the space. The replaced body is kept in `revisions`.' })
  async editPost(@Args() { postId, body }: EditPostArgs, @CurrentRequest() ctx: RequestContext): Promise<Post> {
    return Post.from(await this.posts.edit(ctx, postId, body));
  }

  @Authenticated()
  @Mutation(() => Post, { description: 'Its author or a moderator. Leaves a tombstone (deleted: true, empty body; history dropped); replies stay.' })
  async deletePost(@Args() { postId }: PostIdArgs, @CurrentRequest() ctx: RequestContext): Promise<Post> {
    return Post.from(await this.posts.delete(ctx, postId));
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: "Reports a post to the space's moderators (anyone who may read it; one open report per person and post)." })
  reportPost(@Args() { postId, reason }: ReportPostArgs, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.posts.report(ctx, postId, reason);
  }

  @Authenticated()
  @Mutation(() => Post, { description: 'Moderators (COMMUNITY_MANAGER staff; a study group\'s organisers in their group): hide or restore. Closes open reports; audited.' })
  async moderatePost(@Args() { postId, action }: ModeratePostArgs, @CurrentRequest() ctx: RequestContext): Promise<Post> {
    return Post.from(await this.posts.moderate(ctx, postId, action));
  }

  @Authenticated()
  @Mutation(() => Post, { description: 'Adds or takes back a reaction (people who may post in the space).' })
  async reactToPost(@Args() { postId, kind, on }: ReactArgs, @CurrentRequest() ctx: RequestContext): Promise<Post> {
    return Post.from(await this.posts.react(ctx, postId, kind, on));
  }

  @Public()
  @ResolveField(() => String, { description: 'The Markdown as written. Empty when deleted, or hidden (except to moderators).' })
  async body(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<string> {
    const rights = await this.rights(ctx, post.spaceId);
    return post.deleted || (post.hidden && !rights.moderate) ? '' : post.rawBody;
  }

  @Public()
  @ResolveField(() => String, { description: 'Sanitised HTML rendered from the Markdown (links rel="nofollow ugc noopener"; mentions as span.mention[data-user-id]). Empty when deleted, or hidden (except to moderators).' })
  async html(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<string> {
    const rights = await this.rights(ctx, post.spaceId);
    return post.deleted || (post.hidden && !rights.moderate) ? '' : post.rawHtml;
  }

  @Public()
  @ResolveField(() => User, { nullable: true, description: 'Null when the account is gone.' })
  async author(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<User | null> {
    await this.rights(ctx, post.spaceId);
    return post.authorId ? ((await this.users.byId(ctx).load(post.authorId)) ?? null) : null;
  }

  @Public()
  @ResolveField(() => Thread)
  async thread(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<Thread> {
    await this.rights(ctx, post.spaceId);
    return Thread.from((await this.loaders.threadById(ctx).load(post.threadId))!);
  }

  @Public()
  @ResolveField(() => QuotedPost, { nullable: true, description: 'The post this one quotes.' })
  async quote(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<QuotedPost | null> {
    const rights = await this.rights(ctx, post.spaceId);
    const quoted = post.quotedPostId ? await this.loaders.postById(ctx).load(post.quotedPostId) : undefined;
    if (!quoted) return null;
    const blank = !!quoted.deletedAt || (!!quoted.hiddenAt && !rights.moderate);
    return { id: quoted.id, authorId: quoted.authorId, html: blank ? '' : quoted.html, deleted: !!quoted.deletedAt, hidden: !!quoted.hiddenAt, createdAt: quoted.createdAt };
  }

  @Public()
  @ResolveField(() => [ReactionCount], { description: 'Reactions by kind (kinds nobody used are left out).' })
  async reactions(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<ReactionCount[]> {
    await this.rights(ctx, post.spaceId);
    return this.loaders.reactions(ctx).load(post.id);
  }

  @Public()
  @ResolveField(() => [PostRevision], { description: 'Earlier bodies, newest first (at most 50). Empty for a deleted post, and for a hidden one except to moderators.' })
  async revisions(@Parent() post: Post, @CurrentRequest() ctx: RequestContext): Promise<PostRevision[]> {
    const rights = await this.rights(ctx, post.spaceId);
    if (post.deleted || (post.hidden && !rights.moderate)) return [];
    return (await this.loaders.revisions(ctx).load(post.id)).map((r) => ({ id: r.id, body: r.body, replacedAt: r.createdAt }));
  }
}

@Resolver(() => QuotedPost)
export class QuotedPostResolver {
  constructor(private readonly users: UsersLoader) {}

  /** A quote is only ever reached through a post whose space the viewer may read. */
  @Public()
  @ResolveField(() => User, { nullable: true })
  async author(@Parent() quote: QuotedPost, @CurrentRequest() ctx: RequestContext): Promise<User | null> {
    return quote.authorId ? ((await this.users.byId(ctx).load(quote.authorId)) ?? null) : null;
  }
}
