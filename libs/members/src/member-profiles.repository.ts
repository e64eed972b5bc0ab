import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MemberProfileEntity } from './entities/member-profile.entity.js';

/** The profile fields a person edits about themself. */
export type ProfilePatch = Partial<Pick<MemberProfileEntity, 'headline' | 'bio' | 'location' | 'employer' | 'skills' | 'directoryVisible'>>;

/** An empty profile: what a person without a row (none today: a trigger makes one per account) shows. */
export const EMPTY_PROFILE: Omit<MemberProfileEntity, 'userId' | 'createdAt' | 'updatedAt'> = {
  headline: null,
  bio: null,
  location: null,
  employer: null,
  skills: [],
  directoryVisible: false,
};

@Injectable()
export class MemberProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MemberProfileEntity);
  }

  /** Profiles in the order of `ids` (missing ones as undefined): the shape DataLoader wants. */
  async findByUserIds(ids: readonly string[], manager?: EntityManager): Promise<Array<MemberProfileEntity | undefined>> {
    const rows = ids.length ? await this.repo(manager).createQueryBuilder('p').where('p.user_id = ANY(:ids)', { ids }).getMany() : [];
    const byId = new Map(rows.map((r) => [r.userId, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Writes the given fields, creating the row when missing. */
  async upsert(manager: EntityManager, userId: string, patch: ProfilePatch): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .values({ ...patch, userId })
      .orUpdate([...Object.keys(patch).map((k) => this.column(k)), 'updated_at'], ['user_id'])
      .execute();
  }

  private column(property: string): string {
    return this.dataSource.getMetadata(MemberProfileEntity).findColumnWithPropertyName(property)!.databaseName;
  }
}
