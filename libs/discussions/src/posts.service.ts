import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, ErrorCode, isUniqueViolation, notFound, type RequestContext } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { DiscussionsErrorReason } from './discussions.errors.js';
import { ModerationAction, type ReactionKind } from './discussions.enums.js';
import { type PostEntity } from './entities/post.entity.js';
import { type SpaceEntity } from './entities/space.entity.js';
import { LiveFanout } from './live/live-fanout.js';
import { ModerationRepository } from './moderation.repository.js';
import { Notifier } from './notifications/notifier.js';
import { PostComposer } from './post-composer.js';
import { PostsRepository } from './posts.repository.js';
import { ReactionsRepository } from './reactions.repository.js';
import { ThreadsRepository } from './threads.repository.js';
import { ThreadsService } from './threads.service.js';

/** Replies, edits (history kept), deletion (a tombstone), reactions, reports and moderation. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly posts: PostsRepository,
    private readonly reactionRows: ReactionsRepository,
    private readonly moderation: ModerationRepository,
    private readonly threads: ThreadsService,
    private readonly threadRows: ThreadsRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
    private readonly composer: PostComposer,
    private readonly audit: AuditService,
    private readonly fanout: LiveFanout,
    private readonly notifier: Notifier,
  ) {}

  async post(ctx: RequestContext, postId: string): Promise<{ post: PostEntity; space: SpaceEntity }> {
    const post = await this.loaders.postById(ctx).load(postId);
    if (!post) throw notFound('Post');
    return { post, space: await this.threads.space(ctx, post.spaceId) };
  }

  /** A reply, optionally quoting one post of the same thread. Locked threads take replies from moderators only. `within` runs in the same transaction. */
  async reply(ctx: RequestContext, threadId: string, body: string, quotePostId?: string, within?: (manager: EntityManager, post: PostEntity) => Promise<void>): Promise<PostEntity> {
    const { thread: seen, space } = await this.threads.thread(ctx, threadId);
    const rights = await this.access.assertPost(ctx, space);
    const rendered = await this.composer.render(ctx, space, body);
    const plan = await this.notifier.planForPost(ctx, { space, thread: seen, mentioned: rendered.mentioned });
    return this.dataSource.transaction(async (manager) => {
      const thread = await this.threads.lock(manager, threadId);
      if (thread.locked && !rights.moderate) throw new AppError(ErrorCode.CONFLICT, 'The thread is locked', { reason: DiscussionsErrorReason.THREAD_LOCKED });
      if (quotePostId) {
        const [quoted] = await this.posts.findByIds([quotePostId], manager);
        if (!quoted || quoted.threadId !== threadId) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, 'quotePostId: must be a post in this thread', { fields: [{ path: 'quotePostId', message: 'must be a post in this thread' }] });
        }
      }
      await this.threads.countPost(manager, ctx.viewer!.id);
      const post = await this.posts.insert(manager, { threadId, spaceId: space.id, authorId: ctx.viewer!.id, body, html: rendered.html, quotedPostId: quotePostId ?? null });
      await this.posts.addMentions(manager, post.id, rendered.mentioned);
      // What the caller records with the post (the inbound message id of a reply by email).
      if (within) await within(manager, post);
      thread.lastPostAt = post.createdAt;
      await this.threadRows.save(manager, thread);
      await this.fanout.notify(manager, 'post', space.id, post.id);
      await this.notifier.write(manager, plan, thread, post);
      return post;
    });
  }

  /** The author edits while they may still post; the body it replaces goes to the post's history. */
  async edit(ctx: RequestContext, postId: string, body: string): Promise<PostEntity> {
    const { post: seen, space } = await this.post(ctx, postId);
    await this.access.assertPost(ctx, space);
    const rendered = await this.composer.render(ctx, space, body);
    // People the new body mentions for the first time hear of it (once: the mention rows decide).
    const before = new Set(await this.posts.mentionedIn(postId));
    const fresh = rendered.mentioned.filter((id) => !before.has(id));
    const plan = await this.notifier.planForMentions(ctx, space, fresh);
    const thread = fresh.length ? (await this.threads.thread(ctx, seen.threadId)).thread : null;
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lock(manager, postId);
      if (post.authorId !== ctx.viewer!.id) throw new AppError(ErrorCode.FORBIDDEN, 'Only its author may edit a post', { reason: DiscussionsErrorReason.NOT_THE_AUTHOR });
      if (post.deletedAt) throw new AppError(ErrorCode.CONFLICT, 'The post was deleted', { reason: DiscussionsErrorReason.POST_DELETED });
      if (post.body === body) return post;
      await this.posts.addRevision(manager, { postId, body: post.body, editedById: ctx.viewer!.id });
      post.body = body;
      post.html = rendered.html;
      post.editedAt = new Date();
      const added = new Set(await this.posts.addMentions(manager, postId, rendered.mentioned));
      const saved = await this.posts.save(manager, post);
      if (thread) await this.notifier.write(manager, { ...plan, recipients: plan.recipients.filter(([id]) => added.has(id)) }, thread, saved);
      return saved;
    });
  }

  /** A tombstone: the body and its history go, the post keeps its place (replies and quotes stay). */
  async delete(ctx: RequestContext, postId: string): Promise<PostEntity> {
    const { post: seen, space } = await this.post(ctx, postId);
    const rights = await this.access.assertRead(ctx, space);
    if (seen.authorId !== ctx.viewer!.id && !rights.moderate) throw new AppError(ErrorCode.FORBIDDEN, 'Only its author or a moderator may delete a post', { reason: DiscussionsErrorReason.NOT_THE_AUTHOR });
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lock(manager, postId);
      if (post.deletedAt) return post;
      post.body = '';
      post.html = '';
      post.deletedAt = new Date();
      await this.posts.dropRevisions(manager, postId);
      if (post.authorId !== ctx.viewer!.id) {
        await this.audit.record(manager, { actorId: ctx.viewer!.id, requestId: ctx.requestId, action: 'discussions.delete-post', targetType: 'Post', targetId: postId });
      }
      return this.posts.save(manager, post);
    });
  }

  async react(ctx: RequestContext, postId: string, kind: ReactionKind, on: boolean): Promise<PostEntity> {
    const { post, space } = await this.post(ctx, postId);
    await this.access.assertPost(ctx, space);
    if (post.deletedAt || post.hiddenAt) throw new AppError(ErrorCode.CONFLICT, 'The post was deleted or hidden', { reason: DiscussionsErrorReason.POST_DELETED });
    await this.dataSource.transaction(async (manager) => {
      if (on) await this.reactionRows.add(manager, postId, ctx.viewer!.id, kind);
      else await this.reactionRows.remove(manager, postId, ctx.viewer!.id, kind);
    });
    return post;
  }

  /** Anyone who may read the post reports it to the moderators; one open report per person and post. */
  async report(ctx: RequestContext, postId: string, reason: string): Promise<boolean> {
    const { space } = await this.post(ctx, postId);
    await this.access.assertRead(ctx, space);
    try {
      await this.dataSource.transaction((manager) => this.moderation.insertReport(manager, { postId, reporterId: ctx.viewer!.id, reason }));
    } catch (error) {
      if (isUniqueViolation(error, 'discussion_post_reports_open_uq')) throw new AppError(ErrorCode.CONFLICT, 'You have already reported this post', { reason: DiscussionsErrorReason.ALREADY_REPORTED });
      throw error;
    }
    return true;
  }

  async moderate(ctx: RequestContext, postId: string, action: ModerationAction): Promise<PostEntity> {
    const { post: seen, space } = await this.post(ctx, postId);
    await this.access.assertModerate(ctx, space);
    const { thread } = await this.threads.thread(ctx, seen.threadId);
    const plan = await this.notifier.planForModeration(ctx, seen);
    return this.dataSource.transaction(async (manager) => {
      const post = await this.lock(manager, postId);
      const before = { hidden: !!post.hiddenAt };
      if (action === ModerationAction.HIDE && !post.hiddenAt) {
        post.hiddenAt = new Date();
        post.hiddenById = ctx.viewer!.id;
      } else if (action === ModerationAction.RESTORE && post.hiddenAt) {
        post.hiddenAt = null;
        post.hiddenById = null;
      }
      const saved = await this.posts.save(manager, post);
      await this.moderation.resolveReports(manager, postId);
      if (before.hidden !== !!saved.hiddenAt) await this.notifier.write(manager, plan, thread, saved);
      await this.audit.record(manager, { actorId: ctx.viewer!.id, requestId: ctx.requestId, action: `discussions.${action.toLowerCase()}-post`, targetType: 'Post', targetId: postId, before, after: { hidden: !!saved.hiddenAt } });
      return saved;
    });
  }

  private async lock(manager: EntityManager, postId: string): Promise<PostEntity> {
    const post = await this.posts.lockById(manager, postId);
    if (!post) throw notFound('Post');
    return post;
  }
}
