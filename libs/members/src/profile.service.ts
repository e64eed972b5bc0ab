import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound, StaffPermission, Viewer, viewerHasPermission } from '../../core/src/index.js';
import { User, UsersService } from '../../accounts/src/index.js';
import { UpdateProfileInput } from './inputs/profile.input.js';
import { MemberProfilesRepository, type ProfilePatch } from './member-profiles.repository.js';

const PROFILE_KEYS = ['headline', 'bio', 'location', 'employer', 'skills', 'directoryVisible'] as const;

@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly profiles: MemberProfilesRepository,
  ) {}

  /** The name on the account and the rest in the member profile, in one transaction. */
  async updateMine(viewer: Viewer, input: UpdateProfileInput): Promise<User> {
    const patch: ProfilePatch = {};
    for (const key of PROFILE_KEYS) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key] === '' ? null : input[key];
    }
    await this.dataSource.transaction(async (manager) => {
      if (input.fullName) await this.users.rename(viewer.id, input.fullName, manager);
      if (Object.keys(patch).length) await this.profiles.upsert(manager, viewer.id, patch);
    });
    const user = await this.users.findById(viewer.id);
    if (!user) throw notFound('User');
    return user;
  }

  /** The account itself or an admin; anyone else gets NOT_FOUND (no hint that the id exists). */
  async findVisible(viewer: Viewer, id: string): Promise<User> {
    if (viewer.id !== id && !viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)) throw notFound('User');
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  /** Each person's employer from their profile, by user id (people without one are left out). */
  async employers(userIds: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const profiles = await this.profiles.findByUserIds(userIds, manager);
    return new Map(profiles.flatMap((p) => (p?.employer ? [[p.userId, p.employer] as const] : [])));
  }
}
