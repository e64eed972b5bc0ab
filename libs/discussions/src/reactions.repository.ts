import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReactionKind } from './discussions.enums.js';

export interface ReactionTally {
  kind: ReactionKind;
  count: number;
  /** The viewer is among them. */
  mine: boolean;
}

@Injectable()
export class ReactionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, postId: string, userId: string, kind: ReactionKind): Promise<void> {
    await manager.query(`INSERT INTO discussion_reactions (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [postId, userId, kind]);
  }

  async remove(manager: EntityManager, postId: string, userId: string, kind: ReactionKind): Promise<void> {
    await manager.query(`DELETE FROM discussion_reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3`, [postId, userId, kind]);
  }

  async talliesForPosts(postIds: readonly string[], viewerId: string | null): Promise<ReactionTally[][]> {
    const rows: Array<{ post_id: string; kind: ReactionKind; n: number; mine: boolean }> = await this.dataSource.query(
      `SELECT post_id, kind, count(*)::int AS n, coalesce(bool_or(user_id = $2::uuid), false) AS mine
         FROM discussion_reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, kind ORDER BY post_id, kind`,
      [postIds, viewerId],
    );
    const byPost = new Map<string, ReactionTally[]>(postIds.map((id) => [id, []]));
    for (const r of rows) byPost.get(r.post_id)?.push({ kind: r.kind, count: r.n, mine: r.mine });
    return postIds.map((id) => byPost.get(id)!);
  }
}
