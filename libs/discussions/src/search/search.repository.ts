import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SearchRow {
  kind: 'POST' | 'RESOURCE';
  id: string;
  rank: number;
}

const RESOURCE_TEXT = `to_tsvector('english', r.title || ' ' || coalesce(r.file_name, '') || ' ' || array_to_string(r.tags, ' '))`;

@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every space id, with its kind and place, for the caller to keep those the viewer may read (at most `limit`). */
  allSpaces(limit: number): Promise<Array<{ id: string }>> {
    return this.dataSource.query(`SELECT id FROM discussion_spaces ORDER BY created_at, id LIMIT $1`, [limit]);
  }

  /**
   * Posts (not deleted, not hidden) and resources of the given spaces matching a web-search query,
   * best first; keyset on (rank, kind, id). Posts are found through their GIN-indexed search vector.
   */
  async count(spaceIds: readonly string[], query: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q)
       SELECT (SELECT count(*) FROM discussion_posts p, q WHERE p.space_id = ANY($1::uuid[]) AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.search_vector @@ q.q)
            + (SELECT count(*) FROM discussion_resources r, q WHERE r.space_id = ANY($1::uuid[]) AND ${RESOURCE_TEXT} @@ q.q) AS n`,
      [spaceIds, query],
    );
    return Number(n);
  }

  search(spaceIds: readonly string[], query: string, after: [number, string, string] | undefined, limit: number): Promise<SearchRow[]> {
    const params: unknown[] = [spaceIds, query, limit];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1], after[2]);
      keyset = 'WHERE (h.rank < $4 OR (h.rank = $4 AND (h.kind, h.id) > ($5, $6::uuid)))';
    }
    return this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
       hits AS (
         SELECT 'POST' AS kind, p.id, ts_rank(p.search_vector, q.q)::float8 AS rank FROM discussion_posts p, q
          WHERE p.space_id = ANY($1::uuid[]) AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.search_vector @@ q.q
         UNION ALL
         SELECT 'RESOURCE', r.id, ts_rank(${RESOURCE_TEXT}, q.q)::float8 FROM discussion_resources r, q
          WHERE r.space_id = ANY($1::uuid[]) AND ${RESOURCE_TEXT} @@ q.q)
       SELECT h.kind, h.id, h.rank FROM hits h ${keyset} ORDER BY h.rank DESC, h.kind, h.id LIMIT $3`,
      params,
    );
  }
}
