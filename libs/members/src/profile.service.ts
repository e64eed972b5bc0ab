import { Injectable } from '@nestjs/common';
import { notFound, Role, Viewer } from '../../core/src/index.js';
import { type ProfilePatch, User, UsersService } from '../../accounts/src/index.js';
import { UpdateProfileInput } from './inputs/profile.input.js';

@Injectable()
export class ProfileService {
  constructor(private readonly users: UsersService) {}

  async updateMine(viewer: Viewer, input: UpdateProfileInput): Promise<User> {
    const patch: ProfilePatch = {};
    for (const key of ['fullName', 'headline', 'bio', 'location', 'employer', 'skills', 'directoryVisible'] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key] === '' && key !== 'fullName' ? null : input[key];
    }
    if (patch.fullName === null) delete patch.fullName;
    await this.users.updateProfile(viewer.id, patch);
    const user = await this.users.findById(viewer.id);
    if (!user) throw notFound('User');
    return user;
  }

  /** The account itself or an admin; anyone else gets NOT_FOUND (no hint that the id exists). */
  async findVisible(viewer: Viewer, id: string): Promise<User> {
    if (viewer.id !== id && viewer.role !== Role.ADMIN) throw notFound('User');
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }
}
