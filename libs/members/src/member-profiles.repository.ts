import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rowsByKey } from '../../core/src/index.js';
import { MemberProfileEntity } from './entities/member-profile.entity.js';

/** The profile fields a person edits about themself. */
export type ProfilePatch = Partial<Pick<MemberProfileEntity, 'headline' | 'bio' | 'location' | 'employer' | 'skills' | 'directoryVisible'>>;

/** A profile as its GraphQL fields show it: plain row, no timestamps or search vector. */
export type MemberProfileRow = Pick<MemberProfileEntity, 'userId' | 'headline' | 'bio' | 'location' | 'employer' | 'skills' | 'directoryVisible'>;

/** An empty profile: what a person without a row (none today: a trigger makes one per account) shows. */
export const EMPTY_PROFILE: Omit<MemberProfileRow, 'userId'> = {
  headline: null,
  bio: null,
  location: null,
  employer: null,
  skills: [],
  directoryVisible: false,
};

/** The `member_profiles` columns a MemberProfileRow is made from (field → column). */
const PROFILE_ROW_COLUMNS: Readonly<Record<keyof MemberProfileRow, string>> = {
  userId: 'user_id',
  headline: 'headline',
  bio: 'bio',
  location: 'location',
  employer: 'employer',
  skills: 'skills',
  directoryVisible: 'directory_visible',
};

/**
 * A profile column read from `alias`. The skills (text[]) are read as JSON: JSON.parse reads them natively, where pg
 * parses a text array character by character in JavaScript (postgres-array: 5–9% of the directory page's CPU). The
 * same array comes back (null elements as null, an empty array as []).
 */
const profileColumn = (alias: string, column: string) => (column === 'skills' ? `array_to_json(${alias}.skills)` : `${alias}.${column}`);

const PROFILE_ROWS: KeyedRowsSpec = {
  table: 'member_profiles',
  keyColumn: 'user_id',
  columns: Object.fromEntries(Object.entries(PROFILE_ROW_COLUMNS).map(([field, column]) => [field, profileColumn('c', column)])),
};

/**
 * The profile of a `member_profiles` row aliased `p` in another of this library's statements (the member search
 * joins it): select-list entries named `profile.<field>`, read back from a result row by `profileInRow`.
 */
export const PROFILE_IN_ROW_SELECT = Object.entries(PROFILE_ROW_COLUMNS).map(([field, column]) => `${profileColumn('p', column)} AS "profile.${field}"`).join(', ');

/** The profile PROFILE_IN_ROW_SELECT put in `row`, as the profile loader gives it; undefined where a LEFT JOIN found none. */
export function profileInRow(result: object): MemberProfileRow | undefined {
  const row = result as Record<string, unknown>;
  if (row['profile.userId'] == null) return undefined;
  return {
    userId: row['profile.userId'] as string,
    headline: row['profile.headline'] as string | null,
    bio: row['profile.bio'] as string | null,
    location: row['profile.location'] as string | null,
    employer: row['profile.employer'] as string | null,
    skills: row['profile.skills'] as string[],
    directoryVisible: row['profile.directoryVisible'] as boolean,
  };
}

@Injectable()
export class MemberProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MemberProfileEntity);
  }

  /** Profiles in the order of `ids` (missing ones as undefined): the shape DataLoader wants. */
  findByUserIds(ids: readonly string[], manager?: EntityManager): Promise<Array<MemberProfileRow | undefined>> {
    return rowsByKey<MemberProfileRow>(manager ?? this.dataSource, PROFILE_ROWS, ids);
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
