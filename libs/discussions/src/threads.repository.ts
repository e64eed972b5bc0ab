import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ThreadEntity } from './entities/thread.entity.js';

/** A page of a space's threads: pinned first, then the most recently active. Cursor (pinned, lastPostAt, id). */
export interface ThreadPage {
  after?: [boolean, string, string];
  limit: number;
  /** Full-text query over the threads' posts (title included), PostgreSQL websearch syntax. */
  search?: string;
}

const SEARCH = `EXISTS (SELECT 1 FROM discussion_posts sp WHERE sp.thread_id = t.id AND sp.deleted_at IS NULL AND sp.hidden_at IS NULL AND sp.search_vector @@ websearch_to_tsquery('english', $SEARCH))`;

@Injectable()
export class ThreadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ThreadEntity);
  }

  async findByIds(ids: readonly string[]): Promise<Array<ThreadEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('t').where('t.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The thread row is the lock for its replies, state and answer. */
  lockById(manager: EntityManager, id: string): Promise<ThreadEntity | null> {
    return this.repo(manager).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  insert(manager: EntityManager, thread: Pick<ThreadEntity, 'spaceId' | 'authorId' | 'title' | 'lastPostAt'>): Promise<ThreadEntity> {
    return this.repo(manager).save(this.repo(manager).create(thread));
  }

  save(manager: EntityManager, thread: ThreadEntity): Promise<ThreadEntity> {
    return this.repo(manager).save(thread);
  }

  /** One page for each space: `unnest` + LATERAL, so each space reads only the rows of its page. */
  async pagesForSpaces(spaceIds: readonly string[], page: ThreadPage): Promise<ThreadEntity[][]> {
    const params: unknown[] = [spaceIds, page.limit];
    const where: string[] = [];
    if (page.after) {
      params.push(page.after[0], page.after[1], page.after[2]);
      where.push(`(t.pinned < $3 OR (t.pinned = $3 AND (t.last_post_at, t.id) < ($4::timestamptz, $5::uuid)))`);
    }
    if (page.search) {
      params.push(page.search);
      where.push(SEARCH.replace('$SEARCH', `$${params.length}`));
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT s.space_id AS "sid", t.* FROM unnest($1::uuid[]) AS s(space_id)
       CROSS JOIN LATERAL (SELECT * FROM discussion_threads t WHERE t.space_id = s.space_id ${where.map((w) => `AND ${w}`).join(' ')}
                           ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT $2) t`,
      params,
    );
    const bySpace = new Map<string, ThreadEntity[]>(spaceIds.map((id) => [id, []]));
    for (const row of rows) bySpace.get(row.sid as string)?.push(this.fromRow(row));
    return spaceIds.map((id) => bySpace.get(id)!);
  }

  async countsForSpaces(spaceIds: readonly string[], search?: string): Promise<number[]> {
    const params: unknown[] = [spaceIds];
    let filter = '';
    if (search) {
      params.push(search);
      filter = `AND ${SEARCH.replace('$SEARCH', '$2')}`;
    }
    const rows: Array<{ space_id: string; n: number }> = await this.dataSource.query(
      `SELECT t.space_id, count(*)::int AS n FROM discussion_threads t WHERE t.space_id = ANY($1::uuid[]) ${filter} GROUP BY t.space_id`,
      params,
    );
    const counts = new Map(rows.map((r) => [r.space_id, r.n]));
    return spaceIds.map((id) => counts.get(id) ?? 0);
  }

  private fromRow(row: Record<string, unknown>): ThreadEntity {
    return this.repo().create({
      id: row.id as string, spaceId: row.space_id as string, authorId: row.author_id as string | null, title: row.title as string,
      pinned: row.pinned as boolean, locked: row.locked as boolean, answerPostId: row.answer_post_id as string | null,
      lastPostAt: row.last_post_at as Date, createdAt: row.created_at as Date,
    });
  }
}
