import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupMemberRole, GroupStatus } from '../community.enums.js';
import { StudyGroupRosterRepository } from './study-group-roster.repository.js';

/** A study group as other features see it. */
export interface StudyGroupPlace {
  id: string;
  name: string;
  archived: boolean;
}

/** One person's place in one group: an active member, and whether an organiser (FACILITATOR). */
export interface StudyGroupStanding {
  member: boolean;
  organiser: boolean;
}

/**
 * The communities feature's port for "who is in which study group" (discussions asks it; it never
 * reads the group tables). Batched: one statement for any number of groups or (group, person) pairs.
 */
@Injectable()
export class StudyGroupRoster {
  constructor(private readonly repository: StudyGroupRosterRepository) {}

  async groups(ids: readonly string[], manager?: EntityManager): Promise<Array<StudyGroupPlace | undefined>> {
    if (!ids.length) return [];
    return (await this.repository.groups(ids, manager)).map((g) => g && { id: g.id, name: g.name, archived: g.status === GroupStatus.ARCHIVED });
  }

  /** `groupIds[i]` and `userIds[i]` form the i-th question. */
  async standings(groupIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<StudyGroupStanding[]> {
    if (!groupIds.length) return [];
    const roles = await this.repository.activeRoles(groupIds, userIds, manager);
    return roles.map((role) => ({ member: role !== null, organiser: role === GroupMemberRole.FACILITATOR }));
  }
}
