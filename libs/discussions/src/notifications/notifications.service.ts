import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { badInput, type ConnectionShape, decodeTimeIdCursor, lazy, notFound, pageSize, type RequestContext, toConnection } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { type NotificationEntity } from '../entities/notification.entity.js';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, type NotificationDelivery, NotificationKind } from './notification.enums.js';
import { NotificationsRepository } from './notifications.repository.js';

/** A person's own feed, unread count, settings and follows. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
  ) {}

  async feed(ctx: RequestContext, first: number | undefined, after: string | undefined, unreadOnly: boolean): Promise<ConnectionShape<NotificationEntity>> {
    const userId = ctx.viewer!.id;
    const limit = pageSize(first);
    const rows = await this.notifications.page(userId, unreadOnly, decodeTimeIdCursor(after), limit + 1);
    return toConnection(rows, limit, (n) => [n.createdAt.toISOString(), n.id], lazy(() => this.notifications.count(userId, unreadOnly)));
  }

  unread(ctx: RequestContext): Promise<number> {
    return this.notifications.count(ctx.viewer!.id, true);
  }

  markRead(ctx: RequestContext, ids: readonly string[] | null): Promise<number> {
    return this.notifications.markRead(ctx.viewer!.id, ids);
  }

  async setPreference(ctx: RequestContext, kind: string, delivery: NotificationDelivery): Promise<boolean> {
    if (!(NOTIFICATION_KINDS as string[]).includes(kind)) throw badInput('kind', `must be one of ${NOTIFICATION_KINDS.join(', ')}`);
    await this.notifications.setPreference(ctx.viewer!.id, kind, delivery);
    return true;
  }

  async preferences(ctx: RequestContext): Promise<Array<{ kind: NotificationKind; delivery: NotificationDelivery }>> {
    const rows = await this.notifications.preferences(this.dataSource.manager, [ctx.viewer!.id]);
    const set = new Map(rows.map((r) => [r.kind, r.delivery as NotificationDelivery]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: set.get(kind) ?? DEFAULT_DELIVERY[kind] }));
  }

  /** Following needs the right to read the space. */
  async follow(ctx: RequestContext, spaceId: string, on: boolean): Promise<boolean> {
    const space = await this.loaders.spaceById(ctx).load(spaceId);
    if (!space) throw notFound('Space');
    if (on) await this.access.assertRead(ctx, space);
    await this.notifications.follow(ctx.viewer!.id, spaceId, on);
    return on;
  }

  /** Batched per request: one statement for a page of spaces. */
  following(ctx: RequestContext, spaceId: string): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return Promise.resolve(false);
    return ctx.loaders.get('discussions.following', () => new DataLoader((ids: readonly string[]) => this.notifications.following(viewer.id, ids))).load(spaceId);
  }
}
