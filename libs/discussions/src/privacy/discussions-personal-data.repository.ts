import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** Posts in a person's export, at most (newest first); the export says when it stopped short. */
export const MAX_POSTS_EXPORTED = 10_000;

/**
 * What discussions hold about a person, for the privacy library. Export: their posts (with the
 * thread they are in), threads, edits, reactions, reports, follows, resources and notification
 * settings. Erasure (issue 16: "posts' authorship"): their posts, threads, edits and resources stay
 * for the others in the conversation but no longer name them; what is only about them (reactions,
 * reports they filed, mentions of them, follows, notifications, settings, rate-limit window) goes.
 */
@Injectable()
export class DiscussionsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('discussions', async (userId) => {
      const posts = await this.dataSource.query(
        `SELECT p.id, p.thread_id, t.title AS thread_title, p.body, p.created_at, p.edited_at, p.deleted_at, p.hidden_at
           FROM discussion_posts p JOIN discussion_threads t ON t.id = p.thread_id
          WHERE p.author_id = $1 ORDER BY p.created_at DESC, p.id LIMIT $2`,
        [userId, MAX_POSTS_EXPORTED + 1],
      );
      return {
        area: 'discussions',
        records: {
          posts: posts.slice(0, MAX_POSTS_EXPORTED),
          postsTruncated: posts.length > MAX_POSTS_EXPORTED,
          threads: await this.dataSource.query(`SELECT id, space_id, title, created_at FROM discussion_threads WHERE author_id = $1 ORDER BY created_at`, [userId]),
          edits: await this.dataSource.query(`SELECT post_id, body, created_at AS replaced_at FROM discussion_post_revisions WHERE edited_by_id = $1 ORDER BY created_at`, [userId]),
          reactions: await this.dataSource.query(`SELECT post_id, kind, created_at FROM discussion_reactions WHERE user_id = $1 ORDER BY created_at`, [userId]),
          reports: await this.dataSource.query(`SELECT post_id, reason, created_at FROM discussion_post_reports WHERE reporter_id = $1 ORDER BY created_at`, [userId]),
          follows: await this.dataSource.query(`SELECT space_id, created_at FROM discussion_space_follows WHERE user_id = $1 ORDER BY created_at`, [userId]),
          resources: await this.dataSource.query(`SELECT id, space_id, kind, title, url, file_name, created_at FROM discussion_resources WHERE added_by_id = $1 ORDER BY created_at`, [userId]),
          notificationPreferences: await this.dataSource.query(`SELECT kind, delivery FROM discussion_notification_preferences WHERE user_id = $1 ORDER BY kind`, [userId]),
        },
      };
    });
    this.registry.addEraser('discussions', async (manager, subject) => {
      const id = [subject.userId];
      await manager.query(`UPDATE discussion_posts SET author_id = NULL WHERE author_id = $1`, id);
      await manager.query(`UPDATE discussion_posts SET hidden_by_id = NULL WHERE hidden_by_id = $1`, id);
      await manager.query(`UPDATE discussion_threads SET author_id = NULL WHERE author_id = $1`, id);
      await manager.query(`UPDATE discussion_post_revisions SET edited_by_id = NULL WHERE edited_by_id = $1`, id);
      await manager.query(`UPDATE discussion_resources SET added_by_id = NULL WHERE added_by_id = $1`, id);
      await manager.query(`UPDATE discussion_spaces SET created_by_id = NULL WHERE created_by_id = $1`, id);
      await manager.query(`DELETE FROM discussion_reactions WHERE user_id = $1`, id);
      await manager.query(`DELETE FROM discussion_post_reports WHERE reporter_id = $1`, id);
      await manager.query(`DELETE FROM discussion_mentions WHERE user_id = $1`, id);
      await manager.query(`DELETE FROM discussion_space_follows WHERE user_id = $1`, id);
      await manager.query(`DELETE FROM discussion_notifications WHERE user_id = $1`, id);
      await manager.query(`DELETE FROM discussion_notification_preferences WHERE user_id = $1`, id);
      await manager.query(`DELETE FROM discussion_posting_windows WHERE user_id = $1`, id);
    });
  }
}
