import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User, UsersLoader } from '../../accounts/src/index.js';
import { Authenticated, CurrentRequest, decodeTimeIdCursor, lazy, pageSize, Public, type RequestContext, toConnection, ConnectionArgs, mapNodes } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { MarkAnswerArgs, SetThreadStateArgs, ThreadIdArgs } from './args/discussion.args.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { StartThreadInput } from './inputs/thread.input.js';
import { ThreadsService } from './threads.service.js';
import { Post, PostConnection } from './types/post.type.js';
import { Space } from './types/space.type.js';
import { Thread } from './types/thread.type.js';
import { IsUUID } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
class StartThreadArgs {
  @Field(() => ID) @IsUUID() spaceId: string;
}

@Resolver(() => Thread)
export class ThreadsResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    private readonly users: UsersLoader,
  ) {}

  /** Every field of a thread re-checks that the viewer may read its space (cached per request). */
  private async readable(ctx: RequestContext, spaceId: string) {
    const space = await this.threads.space(ctx, spaceId);
    await this.access.assertRead(ctx, space);
    return space;
  }

  @Public()
  @Query(() => Thread, { nullable: true, description: 'A thread by id (null when there is none), for readers of its space.' })
  async thread(@Args() { id }: ThreadIdArgs, @CurrentRequest() ctx: RequestContext): Promise<Thread | null> {
    const thread = await this.loaders.threadById(ctx).load(id);
    if (!thread) return null;
    await this.readable(ctx, thread.spaceId);
    return Thread.from(thread);
  }

  @Authenticated()
  @Mutation(() => Thread, { description: 'Starts a thread with its opening post. Needs the right to post in the space; counts against the posting rate limit (TOO_MANY_REQUESTS).' })
  async startThread(@Args() { spaceId }: StartThreadArgs, @Args('input') input: StartThreadInput, @CurrentRequest() ctx: RequestContext): Promise<Thread> {
    return Thread.from((await this.threads.start(ctx, spaceId, input)).thread);
  }

  @Authenticated()
  @Mutation(() => Thread, { description: "Moderators of the thread's space: pin or unpin, lock or unlock. Audited." })
  async setThreadState(@Args() { threadId, pinned, locked }: SetThreadStateArgs, @CurrentRequest() ctx: RequestContext): Promise<Thread> {
    return Thread.from(await this.threads.setState(ctx, threadId, { pinned, locked }));
  }

  @Authenticated()
  @Mutation(() => Thread, { description: "Q&A forums: the thread's author (while they may post) or a moderator marks a reply as the answer; postId null clears it." })
  async markAnswer(@Args() { threadId, postId }: MarkAnswerArgs, @CurrentRequest() ctx: RequestContext): Promise<Thread> {
    return Thread.from(await this.threads.markAnswer(ctx, threadId, postId ?? null));
  }

  @Public()
  @ResolveField(() => User, { nullable: true, description: 'Null when the account is gone.' })
  async author(@Parent() thread: Thread, @CurrentRequest() ctx: RequestContext): Promise<User | null> {
    await this.readable(ctx, thread.spaceId);
    return thread.authorId ? ((await this.users.byId(ctx).load(thread.authorId)) ?? null) : null;
  }

  @Public()
  @ResolveField(() => Space)
  async space(@Parent() thread: Thread, @CurrentRequest() ctx: RequestContext): Promise<Space> {
    return Space.from(await this.readable(ctx, thread.spaceId));
  }

  @Public()
  @ResolveField(() => Post, { nullable: true, description: 'Q&A forums: the reply marked as the answer.' })
  async answer(@Parent() thread: Thread, @CurrentRequest() ctx: RequestContext): Promise<Post | null> {
    await this.readable(ctx, thread.spaceId);
    const post = thread.answerPostId ? await this.loaders.postById(ctx).load(thread.answerPostId) : undefined;
    return post ? Post.from(post) : null;
  }

  @Public()
  @ResolveField(() => PostConnection, { description: 'The opening post first, then the replies, oldest first.' })
  async posts(@Parent() thread: Thread, @Args() { first, after }: ConnectionArgs, @CurrentRequest() ctx: RequestContext): Promise<PostConnection> {
    await this.readable(ctx, thread.spaceId);
    const limit = pageSize(first);
    const rows = await this.loaders.postPage(ctx, { after: decodeTimeIdCursor(after), limit: limit + 1 }).load(thread.id);
    const page = toConnection(rows, limit, (p) => [p.createdAt.toISOString(), p.id], lazy(() => this.loaders.postCount(ctx).load(thread.id)));
    return mapNodes(page, (node) => Post.from(node));
  }
}
