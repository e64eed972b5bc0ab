import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SpaceKind } from './discussions.enums.js';
import { SpaceEntity } from './entities/space.entity.js';

export interface ForumPage {
  /** false: public forums only. */
  includeMembersOnly: boolean;
  after?: [string, string];
  limit: number;
}

@Injectable()
export class SpacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SpaceEntity);
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<SpaceEntity | undefined>> {
    const rows = await this.repo(manager).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  insertForum(manager: EntityManager, forum: Pick<SpaceEntity, 'title' | 'description' | 'membersOnly' | 'questionsAndAnswers' | 'createdById'>): Promise<SpaceEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...forum, kind: SpaceKind.FORUM, placeId: null }));
  }

  /**
   * The spaces of these places, made on first use: one INSERT … ON CONFLICT DO NOTHING (the partial
   * unique index decides between concurrent first visits), then one SELECT.
   */
  async ensureForPlaces(kind: SpaceKind, placeIds: readonly string[], titles: readonly string[]): Promise<SpaceEntity[]> {
    await this.dataSource.query(
      `INSERT INTO discussion_spaces (kind, place_id, title) SELECT $1, p.id, p.title FROM unnest($2::uuid[], $3::text[]) AS p(id, title)
       ON CONFLICT (kind, place_id) WHERE place_id IS NOT NULL DO NOTHING`,
      [kind, placeIds, titles],
    );
    const rows = await this.repo().createQueryBuilder('s').where('s.kind = :kind', { kind }).andWhere('s.place_id = ANY(:placeIds)', { placeIds }).getMany();
    const byPlace = new Map(rows.map((r) => [r.placeId, r]));
    return placeIds.map((id) => byPlace.get(id)!);
  }

  /** Forums by title, keyset-paged by (title, id). */
  forums(page: ForumPage): Promise<SpaceEntity[]> {
    const q = this.repo().createQueryBuilder('s').where('s.kind = :kind', { kind: SpaceKind.FORUM });
    if (!page.includeMembersOnly) q.andWhere('s.members_only = false');
    if (page.after) q.andWhere('(s.title, s.id) > (:title, :id)', { title: page.after[0], id: page.after[1] });
    return q.orderBy('s.title', 'ASC').addOrderBy('s.id', 'ASC').limit(page.limit).getMany();
  }

  countForums(includeMembersOnly: boolean): Promise<number> {
    const q = this.repo().createQueryBuilder('s').where('s.kind = :kind', { kind: SpaceKind.FORUM });
    if (!includeMembersOnly) q.andWhere('s.members_only = false');
    return q.getCount();
  }
}
