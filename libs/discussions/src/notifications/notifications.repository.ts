import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity.js';

export interface NewNotification {
  userId: string;
  kind: string;
  delivery: string;
  postId: string;
}

export interface DigestItem {
  id: string;
  userId: string;
  kind: string;
  postId: string;
  createdAt: Date;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Delivery settings of these people for these kinds (missing = the default). */
  async preferences(manager: EntityManager, userIds: readonly string[]): Promise<Array<{ userId: string; kind: string; delivery: string }>> {
    if (!userIds.length) return [];
    return manager.query(`SELECT user_id AS "userId", kind, delivery FROM discussion_notification_preferences WHERE user_id = ANY($1::uuid[])`, [userIds]);
  }

  async setPreference(userId: string, kind: string, delivery: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO discussion_notification_preferences (user_id, kind, delivery) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery`,
      [userId, kind, delivery],
    );
  }

  async followers(spaceId: string, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(`SELECT user_id FROM discussion_space_follows WHERE space_id = $1 ORDER BY created_at LIMIT $2`, [spaceId, limit]);
    return rows.map((r) => r.user_id);
  }

  async follow(userId: string, spaceId: string, on: boolean): Promise<void> {
    if (on) await this.dataSource.query(`INSERT INTO discussion_space_follows (user_id, space_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, spaceId]);
    else await this.dataSource.query(`DELETE FROM discussion_space_follows WHERE user_id = $1 AND space_id = $2`, [userId, spaceId]);
  }

  async following(userId: string, spaceIds: readonly string[]): Promise<boolean[]> {
    const rows: Array<{ space_id: string }> = await this.dataSource.query(`SELECT space_id FROM discussion_space_follows WHERE user_id = $1 AND space_id = ANY($2::uuid[])`, [userId, spaceIds]);
    const set = new Set(rows.map((r) => r.space_id));
    return spaceIds.map((id) => set.has(id));
  }

  async insertMany(manager: EntityManager, rows: readonly NewNotification[]): Promise<NotificationEntity[]> {
    if (!rows.length) return [];
    const repo = manager.getRepository(NotificationEntity);
    const entities = rows.map((r) => repo.create(r));
    await repo.insert(entities);
    return entities;
  }

  /** A person's feed, newest first; cursor (createdAt, id). */
  page(userId: string, unreadOnly: boolean, after: [string, string] | undefined, limit: number): Promise<NotificationEntity[]> {
    const q = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (unreadOnly) q.andWhere('n.read_at IS NULL');
    if (after) q.andWhere('(n.created_at, n.id) < (:at, :id)', { at: after[0], id: after[1] });
    return q.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  async count(userId: string, unreadOnly: boolean): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM discussion_notifications WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}`,
      [userId],
    );
    return n;
  }

  async findByIds(ids: readonly string[]): Promise<Array<NotificationEntity | undefined>> {
    const rows = await this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Marks the person's own notifications read (all unread ones when `ids` is null); returns how many changed. */
  async markRead(userId: string, ids: readonly string[] | null): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH changed AS (UPDATE discussion_notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      [userId, ids],
    );
    return n;
  }

  /** People with undigested DIGEST notifications made before `before`, a batch at a time. */
  async digestRecipients(before: Date, afterUserId: string, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM discussion_notifications WHERE delivery = 'DIGEST' AND digested_at IS NULL AND created_at < $1 AND user_id > $2 ORDER BY user_id LIMIT $3`,
      [before, afterUserId, limit],
    );
    return rows.map((r) => r.user_id);
  }

  /** A person's undigested items, oldest first. */
  digestItems(userId: string, before: Date, limit: number): Promise<DigestItem[]> {
    return this.dataSource.query(
      `SELECT id, user_id AS "userId", kind, post_id AS "postId", created_at AS "createdAt" FROM discussion_notifications
        WHERE user_id = $1 AND delivery = 'DIGEST' AND digested_at IS NULL AND created_at < $2
        ORDER BY created_at, id LIMIT $3`,
      [userId, before, limit],
    );
  }

  /** Locks those of `ids` still undigested (a concurrent run waits, then finds them digested). */
  async lockUndigested(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM discussion_notifications WHERE id = ANY($1::uuid[]) AND digested_at IS NULL ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async markDigested(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(`UPDATE discussion_notifications SET digested_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
