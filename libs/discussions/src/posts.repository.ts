import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MAX_REVISIONS_SHOWN } from './discussions.limits.js';
import { PostRevisionEntity } from './entities/post-revision.entity.js';
import { PostEntity } from './entities/post.entity.js';

/** A page of a thread's posts, oldest first (the opening post leads). Cursor (createdAt, id). */
export interface PostPage {
  after?: [string, string];
  limit: number;
}

@Injectable()
export class PostsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PostEntity);
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<PostEntity | undefined>> {
    const rows = await this.repo(manager).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  lockById(manager: EntityManager, id: string): Promise<PostEntity | null> {
    return this.repo(manager).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  insert(manager: EntityManager, post: Pick<PostEntity, 'threadId' | 'spaceId' | 'authorId' | 'body' | 'html' | 'quotedPostId'>): Promise<PostEntity> {
    return this.repo(manager).save(this.repo(manager).create(post));
  }

  save(manager: EntityManager, post: PostEntity): Promise<PostEntity> {
    return this.repo(manager).save(post);
  }

  async addRevision(manager: EntityManager, revision: Pick<PostRevisionEntity, 'postId' | 'body' | 'editedById'>): Promise<void> {
    await manager.getRepository(PostRevisionEntity).insert(revision);
  }

  async dropRevisions(manager: EntityManager, postId: string): Promise<void> {
    await manager.getRepository(PostRevisionEntity).delete({ postId });
  }

  /** Records who a post mentions; answers the people not mentioned in it before (the new rows). */
  async addMentions(manager: EntityManager, postId: string, userIds: readonly string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const rows: Array<{ user_id: string }> = await manager.query(
      `INSERT INTO discussion_mentions (post_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING RETURNING user_id`,
      [postId, userIds],
    );
    return rows.map((r) => r.user_id);
  }

  /** The people a post has mentioned so far (any version of it). */
  async mentionedIn(postId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(`SELECT user_id FROM discussion_mentions WHERE post_id = $1`, [postId]);
    return rows.map((r) => r.user_id);
  }

  /** One page for each thread (unnest + LATERAL). */
  async pagesForThreads(threadIds: readonly string[], page: PostPage): Promise<PostEntity[][]> {
    const params: unknown[] = [threadIds, page.limit];
    let after = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      after = 'AND (p.created_at, p.id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT t.thread_id AS "tid", p.id FROM unnest($1::uuid[]) AS t(thread_id)
       CROSS JOIN LATERAL (SELECT p.id, p.created_at FROM discussion_posts p WHERE p.thread_id = t.thread_id ${after}
                           ORDER BY p.created_at, p.id LIMIT $2) p`,
      params,
    );
    const posts = rows.length ? await this.findByIds(rows.map((r) => r.id as string)) : [];
    const byThread = new Map<string, PostEntity[]>(threadIds.map((id) => [id, []]));
    rows.forEach((row, i) => byThread.get(row.tid as string)?.push(posts[i]!));
    return threadIds.map((id) => byThread.get(id)!);
  }

  async countsForThreads(threadIds: readonly string[]): Promise<number[]> {
    const rows: Array<{ thread_id: string; n: number }> = await this.dataSource.query(
      `SELECT thread_id, count(*)::int AS n FROM discussion_posts WHERE thread_id = ANY($1::uuid[]) GROUP BY thread_id`,
      [threadIds],
    );
    const counts = new Map(rows.map((r) => [r.thread_id, r.n]));
    return threadIds.map((id) => counts.get(id) ?? 0);
  }

  /** Each post's earlier bodies, newest first, at most MAX_REVISIONS_SHOWN. */
  async revisionsForPosts(postIds: readonly string[]): Promise<PostRevisionEntity[][]> {
    const rows: Array<{ pid: string; id: string; body: string; edited_by_id: string | null; created_at: Date }> = await this.dataSource.query(
      `SELECT q.post_id AS pid, r.id, r.body, r.edited_by_id, r.created_at FROM unnest($1::uuid[]) AS q(post_id)
       CROSS JOIN LATERAL (SELECT * FROM discussion_post_revisions r WHERE r.post_id = q.post_id ORDER BY r.created_at DESC, r.id DESC LIMIT $2) r`,
      [postIds, MAX_REVISIONS_SHOWN],
    );
    const byPost = new Map<string, PostRevisionEntity[]>(postIds.map((id) => [id, []]));
    for (const r of rows) byPost.get(r.pid)?.push(Object.assign(new PostRevisionEntity(), { id: r.id, postId: r.pid, body: r.body, editedById: r.edited_by_id, createdAt: r.created_at }));
    return postIds.map((id) => byPost.get(id)!);
  }
}
