import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersLoader, UsersService } from '../../../accounts/src/index.js';
import { APP_CONFIG, type AppConfig, OutboxService, type RequestContext } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { type PostEntity } from '../entities/post.entity.js';
import { type SpaceEntity } from '../entities/space.entity.js';
import { LiveFanout } from '../live/live-fanout.js';
import { DEFAULT_DELIVERY, NotificationDelivery, NotificationKind } from './notification.enums.js';
import { type NewNotification, NotificationsRepository } from './notifications.repository.js';
import { replyAddress } from './reply-address.js';

/** Followers notified of one new thread, at most (the oldest follows first). */
export const MAX_FOLLOWERS_NOTIFIED = 5000;
const EXCERPT = 2000;

/** Who is to hear of a post, and what the emails need, gathered before the transaction. */
export interface NotificationPlan {
  recipients: Array<[string, NotificationKind]>;
  /** The writer's name. */
  who: string;
  contacts: Map<string, { email: string; fullName: string }>;
}

const SUBJECT: Record<NotificationKind, (who: string, title: string) => string> = {
  MENTION: (who, title) => `${who} mentioned you in "${title}"`,
  REPLY: (who, title) => `${who} replied to "${title}"`,
  NEW_THREAD: (who, title) => `New thread: "${title}" by ${who}`,
  MODERATION: (_who, title) => `A moderator acted on your post in "${title}"`,
};

/**
 * Writes notifications inside the transaction that made the post (or the moderation decision):
 * one per person and post (a mention outranks a reply, a reply a new thread), only to people who
 * may read the space, as each person's setting for the kind says (OFF: none; EMAIL: an email at once
 * through the outbox, answerable when reply by email is configured; DIGEST: the daily digest).
 */
@Injectable()
export class Notifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsRepository,
    private readonly access: SpaceAccess,
    private readonly users: UsersLoader,
    private readonly contacts: UsersService,
    private readonly outbox: OutboxService,
    private readonly live: LiveFanout,
  ) {}

  /**
   * Who hears of a new post, decided before its transaction opens (every lookup here uses its own
   * connection; the transaction then only writes): followers (new threads), the thread's author
   * (replies), the people mentioned, less the writer and anyone who may not read the space.
   */
  async planForPost(ctx: RequestContext, at: { space: SpaceEntity; thread: { id: string; title: string; authorId: string | null } | null; mentioned: readonly string[] }): Promise<NotificationPlan> {
    const kinds = new Map<string, NotificationKind>();
    if (!at.thread) for (const id of await this.notifications.followers(at.space.id, MAX_FOLLOWERS_NOTIFIED)) kinds.set(id, NotificationKind.NEW_THREAD);
    if (at.thread?.authorId) kinds.set(at.thread.authorId, NotificationKind.REPLY);
    for (const id of at.mentioned) kinds.set(id, NotificationKind.MENTION);
    kinds.delete(ctx.viewer!.id);
    if (!kinds.size) return this.plan(ctx, []);
    const found = await this.users.byId(ctx).loadMany([...kinds.keys()]);
    const people = found.flatMap((u) => (u && !(u instanceof Error) ? [{ id: u.id, role: u.role, staffPermissions: u.staffPermissions }] : []));
    const readers = await this.access.readers(ctx, at.space, people);
    return this.plan(ctx, [...kinds].filter(([id]) => readers.has(id)));
  }

  /** People an edit mentions for the first time (MENTION only), less the writer and anyone who may not read the space. */
  async planForMentions(ctx: RequestContext, space: SpaceEntity, mentioned: readonly string[]): Promise<NotificationPlan> {
    const ids = mentioned.filter((id) => id !== ctx.viewer!.id);
    if (!ids.length) return this.plan(ctx, []);
    const found = await this.users.byId(ctx).loadMany(ids);
    const people = found.flatMap((u) => (u && !(u instanceof Error) ? [{ id: u.id, role: u.role, staffPermissions: u.staffPermissions }] : []));
    const readers = await this.access.readers(ctx, space, people);
    return this.plan(ctx, ids.filter((id) => readers.has(id)).map((id) => [id, NotificationKind.MENTION] as [string, NotificationKind]));
  }

  /** A moderation decision is told to the post's author (unless they made it). */
  planForModeration(ctx: RequestContext, post: PostEntity): Promise<NotificationPlan> {
    return this.plan(ctx, post.authorId && post.authorId !== ctx.viewer!.id ? [[post.authorId, NotificationKind.MODERATION]] : []);
  }

  private async plan(ctx: RequestContext, recipients: Array<[string, NotificationKind]>): Promise<NotificationPlan> {
    if (!recipients.length) return { recipients, who: '', contacts: new Map() };
    const who = (await this.users.byId(ctx).load(ctx.viewer!.id))?.fullName ?? 'Someone';
    const found = await this.contacts.contacts(recipients.map(([id]) => id));
    const contacts = new Map(found.flatMap((c) => (c ? [[c.id, { email: c.email, fullName: c.fullName }] as const] : [])));
    return { recipients, who, contacts };
  }

  /** Inside the writing transaction: the notifications, their emails (outbox) and live signals. */
  async write(manager: EntityManager, plan: NotificationPlan, thread: { id: string; title: string }, post: PostEntity): Promise<void> {
    const { recipients, who } = plan;
    if (!recipients.length) return;
    const settings = await this.notifications.preferences(manager, recipients.map(([id]) => id));
    const setting = new Map(settings.map((s) => [`${s.userId}:${s.kind}`, s.delivery as NotificationDelivery]));
    const rows: NewNotification[] = recipients.flatMap(([userId, kind]) => {
      const delivery = setting.get(`${userId}:${kind}`) ?? DEFAULT_DELIVERY[kind];
      return delivery === NotificationDelivery.OFF ? [] : [{ userId, kind, delivery, postId: post.id }];
    });
    const made = await this.notifications.insertMany(manager, rows);
    const emailed = made.filter((n) => n.delivery === NotificationDelivery.EMAIL);
    if (emailed.length) {
      const { inboundEmailSecret, replyDomain } = this.config.discussions;
      for (const n of emailed) {
        const contact = plan.contacts.get(n.userId);
        if (!contact) continue;
        const answerable = inboundEmailSecret && replyDomain && n.kind !== NotificationKind.MODERATION;
        const excerpt = post.body.length > EXCERPT ? `${post.body.slice(0, EXCERPT)}…` : post.body;
        await this.outbox.enqueue(manager, {
          to: contact.email,
          recipientUserId: n.userId,
          template: `discussions-${n.kind.toLowerCase()}`,
          subject: SUBJECT[n.kind as NotificationKind](who, thread.title),
          text: [
            `Dear ${contact.fullName},`,
            '',
            n.kind === NotificationKind.MODERATION ? `A moderator has ${post.hiddenAt ? 'hidden' : 'restored'} your post in "${thread.title}".` : `${who} wrote in "${thread.title}":\n\n${excerpt}`,
            '',
            `Read the thread: ${this.config.publicUrl}/threads/${thread.id}`,
            ...(answerable ? ['', 'Reply to this email to answer in the thread (write above the quoted text).'] : []),
          ].join('\n'),
          replyTo: answerable ? replyAddress(inboundEmailSecret, replyDomain, n.id) : null,
          dedupeKey: `discussions-notification:${n.id}`,
        });
      }
    }
    for (const n of made) await this.live.notify(manager, 'notification', n.userId, n.id);
  }
}
