import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, AuditService, ErrorCode, notFound, type RequestContext } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { DiscussionsErrorReason } from './discussions.errors.js';
import { POSTING_WINDOW_SECONDS } from './discussions.limits.js';
import { type PostEntity } from './entities/post.entity.js';
import { type SpaceEntity } from './entities/space.entity.js';
import { type ThreadEntity } from './entities/thread.entity.js';
import { type StartThreadInput } from './inputs/thread.input.js';
import { LiveFanout } from './live/live-fanout.js';
import { ModerationRepository } from './moderation.repository.js';
import { Notifier } from './notifications/notifier.js';
import { PostComposer } from './post-composer.js';
import { PostsRepository } from './posts.repository.js';
import { ThreadsRepository } from './threads.repository.js';

/** Threads: starting one (with its opening post), pin and lock, and the answer of a Q&A thread. */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly moderation: ModerationRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    private readonly composer: PostComposer,
    private readonly audit: AuditService,
    private readonly fanout: LiveFanout,
    private readonly notifier: Notifier,
  ) {}

  async space(ctx: RequestContext, spaceId: string): Promise<SpaceEntity> {
    const space = await this.loaders.spaceById(ctx).load(spaceId);
    if (!space) throw notFound('Space');
    return space;
  }

  async thread(ctx: RequestContext, threadId: string): Promise<{ thread: ThreadEntity; space: SpaceEntity }> {
    const thread = await this.loaders.threadById(ctx).load(threadId);
    if (!thread) throw notFound('Thread');
    return { thread, space: await this.space(ctx, thread.spaceId) };
  }

  async start(ctx: RequestContext, spaceId: string, input: StartThreadInput): Promise<{ thread: ThreadEntity; post: PostEntity }> {
    const space = await this.space(ctx, spaceId);
    await this.access.assertPost(ctx, space);
    const rendered = await this.composer.render(ctx, space, input.body);
    const plan = await this.notifier.planForPost(ctx, { space, thread: null, mentioned: rendered.mentioned });
    return this.dataSource.transaction(async (manager) => {
      await this.countPost(manager, ctx.viewer!.id);
      const now = new Date();
      const thread = await this.threads.insert(manager, { spaceId, authorId: ctx.viewer!.id, title: input.title, lastPostAt: now });
      const post = await this.posts.insert(manager, { threadId: thread.id, spaceId, authorId: ctx.viewer!.id, body: input.body, html: rendered.html, quotedPostId: null });
      await this.posts.addMentions(manager, post.id, rendered.mentioned);
      await this.fanout.notify(manager, 'post', spaceId, post.id);
      await this.notifier.write(manager, plan, thread, post);
      return { thread, post };
    });
  }

  async setState(ctx: RequestContext, threadId: string, state: { pinned?: boolean; locked?: boolean }): Promise<ThreadEntity> {
    const { space } = await this.thread(ctx, threadId);
    await this.access.assertModerate(ctx, space);
    return this.dataSource.transaction(async (manager) => {
      const thread = await this.lock(manager, threadId);
      const before = { pinned: thread.pinned, locked: thread.locked };
      if (state.pinned !== undefined && state.pinned !== null) thread.pinned = state.pinned;
      if (state.locked !== undefined && state.locked !== null) thread.locked = state.locked;
      const saved = await this.threads.save(manager, thread);
      await this.audit.record(manager, { actorId: ctx.viewer!.id, requestId: ctx.requestId, action: 'discussions.set-thread-state', targetType: 'Thread', targetId: threadId, before, after: { pinned: saved.pinned, locked: saved.locked } });
      return saved;
    });
  }

  /** Q&A spaces: the thread's author or a moderator marks one reply as the answer (null clears it). */
  async markAnswer(ctx: RequestContext, threadId: string, postId: string | null): Promise<ThreadEntity> {
    const { thread: seen, space } = await this.thread(ctx, threadId);
    const rights = await this.access.assertRead(ctx, space);
    if (!space.questionsAndAnswers) throw new AppError(ErrorCode.CONFLICT, 'Only threads of a Q&A forum have answers', { reason: DiscussionsErrorReason.NOT_QUESTIONS_AND_ANSWERS });
    if (!rights.moderate && !(seen.authorId === ctx.viewer!.id && rights.post)) {
      throw new AppError(ErrorCode.FORBIDDEN, "Only the thread's author or a moderator may mark the answer", { reason: DiscussionsErrorReason.NOT_THE_AUTHOR });
    }
    return this.dataSource.transaction(async (manager) => {
      const thread = await this.lock(manager, threadId);
      if (postId) {
        const [post] = await this.posts.findByIds([postId], manager);
        if (!post || post.threadId !== threadId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'postId: must be a reply in this thread', { fields: [{ path: 'postId', message: 'must be a reply in this thread' }] });
        if (post.deletedAt || post.hiddenAt) throw new AppError(ErrorCode.CONFLICT, 'A deleted or hidden post cannot be the answer', { reason: DiscussionsErrorReason.POST_DELETED });
      }
      thread.answerPostId = postId;
      return this.threads.save(manager, thread);
    });
  }

  /** The per-person posting limit, counted in the writing transaction (a refusal rolls the count back). */
  async countPost(manager: EntityManager, userId: string): Promise<void> {
    const posts = await this.moderation.countPost(manager, userId, POSTING_WINDOW_SECONDS);
    if (posts > this.config.discussions.postsPerMinute) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `At most ${this.config.discussions.postsPerMinute} posts a minute; wait a little`, { reason: DiscussionsErrorReason.POSTING_TOO_FAST, retryable: true });
    }
  }

  async lock(manager: EntityManager, threadId: string): Promise<ThreadEntity> {
    const thread = await this.threads.lockById(manager, threadId);
    if (!thread) throw notFound('Thread');
    return thread;
  }
}
