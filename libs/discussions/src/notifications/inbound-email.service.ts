import { Injectable } from '@nestjs/common';
import { UsersLoader, UsersService } from '../../../accounts/src/index.js';
import { AppError, isUniqueViolation, Role } from '../../../core/src/index.js';
import { BODY_MAX } from '../discussions.limits.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { PostsService } from '../posts.service.js';
import { jobContext } from './digest.service.js';
import { type InboundEmail, newPartOfReply } from './inbound-email.js';
import { InboundMessagesRepository } from './inbound-messages.repository.js';
import { NotificationsRepository } from './notifications.repository.js';
import { notificationOfAddress } from './reply-address.js';

export type InboundOutcome = { status: 'posted'; postId: string } | { status: 'duplicate'; postId: string | null } | { status: 'ignored'; reason: string };

/** Turns a verified reply into a post, as the person the notification was for, with their rights now. */
@Injectable()
export class InboundEmailService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly users: UsersLoader,
    private readonly contacts: UsersService,
    private readonly posts: PostsService,
    private readonly messages: InboundMessagesRepository,
  ) {}

  async accept(email: InboundEmail, secret: string, domain: string): Promise<InboundOutcome> {
    // Mail services deliver again when unsure: the message id was turned into a post already.
    const earlier = email.messageId ? await this.messages.find(email.messageId) : undefined;
    if (earlier) return { status: 'duplicate', postId: earlier.postId };
    const notificationId = email.to.map((address) => notificationOfAddress(secret, domain, address)).find((id) => id !== undefined);
    if (!notificationId) return { status: 'ignored', reason: 'UNKNOWN_ADDRESS' };
    const [notification] = await this.notifications.findByIds([notificationId]);
    if (!notification) return { status: 'ignored', reason: 'UNKNOWN_ADDRESS' };
    const [contact] = await this.contacts.contacts([notification.userId]);
    if (!contact || contact.email.toLowerCase() !== email.from) return { status: 'ignored', reason: 'UNKNOWN_SENDER' };
    const body = newPartOfReply(email.text);
    if (!body) return { status: 'ignored', reason: 'NOTHING_NEW' };
    const ctx = jobContext('inbound-email');
    const user = await this.users.byId(ctx).load(notification.userId);
    if (!user) return { status: 'ignored', reason: 'UNKNOWN_SENDER' };
    ctx.viewer = { id: user.id, role: user.role ?? Role.USER, sessionId: 'inbound-email', permissions: user.staffPermissions };
    const post = await this.loaders.postById(ctx).load(notification.postId);
    if (!post) return { status: 'ignored', reason: 'POST_GONE' };
    try {
      const messageId = email.messageId;
      const reply = await this.posts.reply(ctx, post.threadId, body.slice(0, BODY_MAX), undefined, messageId ? (manager, written) => this.messages.record(manager, messageId, written.id) : undefined);
      return { status: 'posted', postId: reply.id };
    } catch (error) {
      // The same message delivered twice at once: the other delivery's transaction wrote the post.
      if (email.messageId && isUniqueViolation(error)) return { status: 'duplicate', postId: (await this.messages.find(email.messageId))?.postId ?? null };
      if (error instanceof AppError) return { status: 'ignored', reason: error.options.reason ?? error.code };
      throw error;
    }
  }
}
