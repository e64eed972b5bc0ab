import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PostReportEntity } from './entities/post-report.entity.js';

/** Reports of posts, and the posting rate limit's counters. */
@Injectable()
export class ModerationRepository {
  insertReport(manager: EntityManager, report: Pick<PostReportEntity, 'postId' | 'reporterId' | 'reason'>): Promise<PostReportEntity> {
    const repo = manager.getRepository(PostReportEntity);
    return repo.save(repo.create(report));
  }

  async resolveReports(manager: EntityManager, postId: string): Promise<number> {
    const result = await manager.getRepository(PostReportEntity).createQueryBuilder().update().set({ resolvedAt: () => 'now()' }).where('post_id = :postId AND resolved_at IS NULL', { postId }).execute();
    return result.affected ?? 0;
  }

  /**
   * Counts one more post for `userId` in the current window and returns the count. One upsert:
   * concurrent posts by the same person queue on the row, so the count is exact; the caller's
   * transaction rolls it back when the post is refused.
   */
  async countPost(manager: EntityManager, userId: string, windowSeconds: number): Promise<number> {
    const rows: Array<{ posts: number }> = await manager.query(
      `INSERT INTO discussion_posting_windows AS w (user_id, window_started_at, posts) VALUES ($1, clock_timestamp(), 1)
       ON CONFLICT (user_id) DO UPDATE SET
         window_started_at = CASE WHEN w.window_started_at <= clock_timestamp() - make_interval(secs => $2) THEN clock_timestamp() ELSE w.window_started_at END,
         posts = CASE WHEN w.window_started_at <= clock_timestamp() - make_interval(secs => $2) THEN 1 ELSE w.posts + 1 END
       RETURNING posts`,
      [userId, windowSeconds],
    );
    return rows[0].posts;
  }
}
