import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ResourceEntity } from '../entities/resource.entity.js';

@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo() {
    return this.dataSource.getRepository(ResourceEntity);
  }

  insert(resource: Partial<ResourceEntity>): Promise<ResourceEntity> {
    return this.repo().save(this.repo().create(resource));
  }

  async findByIds(ids: readonly string[]): Promise<Array<ResourceEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  findById(id: string): Promise<ResourceEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** One page per space, newest first (unnest + LATERAL). Cursor (createdAt, id). */
  async pagesForSpaces(spaceIds: readonly string[], after: [string, string] | undefined, limit: number): Promise<ResourceEntity[][]> {
    const params: unknown[] = [spaceIds, limit];
    let filter = '';
    if (after) {
      params.push(after[0], after[1]);
      filter = 'AND (r.created_at, r.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: Array<{ sid: string; id: string }> = await this.dataSource.query(
      `SELECT s.space_id AS sid, r.id FROM unnest($1::uuid[]) AS s(space_id)
       CROSS JOIN LATERAL (SELECT r.id, r.created_at FROM discussion_resources r WHERE r.space_id = s.space_id ${filter} ORDER BY r.created_at DESC, r.id DESC LIMIT $2) r`,
      params,
    );
    const found = rows.length ? await this.repo().createQueryBuilder('r').where('r.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).getMany() : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const bySpace = new Map<string, ResourceEntity[]>(spaceIds.map((id) => [id, []]));
    for (const row of rows) bySpace.get(row.sid)?.push(byId.get(row.id)!);
    return spaceIds.map((id) => bySpace.get(id)!);
  }

  async countsForSpaces(spaceIds: readonly string[]): Promise<number[]> {
    const rows: Array<{ space_id: string; n: number }> = await this.dataSource.query(
      `SELECT space_id, count(*)::int AS n FROM discussion_resources WHERE space_id = ANY($1::uuid[]) GROUP BY space_id`,
      [spaceIds],
    );
    const counts = new Map(rows.map((r) => [r.space_id, r.n]));
    return spaceIds.map((id) => counts.get(id) ?? 0);
  }
}
