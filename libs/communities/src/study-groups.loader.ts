import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type RequestContext } from '../../core/src/index.js';
import { MembershipStandingPort } from '../../members/src/index.js';
import { AccountabilityRepository, type PairRow } from './accountability.repository.js';
import { GroupMemberStatus } from './community.enums.js';
import { GroupGoalEntity } from './entities/group-goal.entity.js';
import { StudyGroupMemberEntity } from './entities/study-group-member.entity.js';
import { StudyGroupRoleEntity } from './entities/study-group-role.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupGoalsRepository } from './group-goals.repository.js';
import { type GroupMemberWithUser, GroupMembersRepository, type MemberParts, memberPartsKey } from './group-members.repository.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { type Holding } from './rotation/role-rotation.js';
import { StudyGroupsRepository } from './study-groups.repository.js';

/** Per-request batch loaders for group-level data: one statement per field per list level. */
@Injectable()
export class StudyGroupsLoader {
  constructor(
    private readonly groups: StudyGroupsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roleRows: MeetingRolesRepository,
    private readonly goalRows: GroupGoalsRepository,
    private readonly partners: AccountabilityRepository,
    private readonly standing: MembershipStandingPort,
  ) {}

  groupById(ctx: RequestContext): DataLoader<string, StudyGroupEntity | undefined> {
    return ctx.loaders.get('communities.groupById', () => new DataLoader((ids: readonly string[]) => this.groups.findByIds(ids)));
  }

  activeMembers(ctx: RequestContext): DataLoader<string, StudyGroupMemberEntity[]> {
    return ctx.loaders.get('communities.activeMembers', () => new DataLoader((ids: readonly string[]) => this.members.byGroupIds(ids, GroupMemberStatus.ACTIVE)));
  }

  /** Each group's active members as plain rows (`StudyGroup.members`); with `users`, each carries its user (those fields), read in the same statement. */
  activeMemberRows(ctx: RequestContext, parts: MemberParts): DataLoader<string, GroupMemberWithUser[]> {
    return ctx.loaders.get(`communities.activeMemberRows.${memberPartsKey(parts)}`, () =>
      new DataLoader((ids: readonly string[]) => this.members.activeRowsByGroupIds(ids, parts)));
  }

  pendingMembers(ctx: RequestContext): DataLoader<string, StudyGroupMemberEntity[]> {
    return ctx.loaders.get('communities.pendingMembers', () => new DataLoader((ids: readonly string[]) => this.members.byGroupIds(ids, GroupMemberStatus.PENDING)));
  }

  memberCount(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.get('communities.memberCount', () => new DataLoader((ids: readonly string[]) => this.members.activeCountsByGroupIds(ids)));
  }

  /** The signed-in viewer's own membership of each group (undefined when none, or anonymous). */
  viewerMembership(ctx: RequestContext): DataLoader<string, StudyGroupMemberEntity | undefined> {
    return ctx.loaders.get('communities.viewerMembership', () =>
      new DataLoader(async (ids: readonly string[]) => (ctx.viewer ? this.members.ofUserInGroups(ctx.viewer.id, ids) : ids.map(() => undefined))),
    );
  }

  /** Whether each person's association membership is in good standing (the members feature decides). */
  inGoodStanding(ctx: RequestContext): DataLoader<string, boolean> {
    return ctx.loaders.get('communities.inGoodStanding', () =>
      new DataLoader(async (userIds: readonly string[]) => (await this.standing.of(userIds)).map((s) => s.inGoodStanding)),
    );
  }

  roles(ctx: RequestContext): DataLoader<string, StudyGroupRoleEntity[]> {
    return ctx.loaders.get('communities.roles', () => new DataLoader((ids: readonly string[]) => this.roleRows.rolesByGroupIds(ids)));
  }

  holdings(ctx: RequestContext): DataLoader<string, Holding[]> {
    return ctx.loaders.get('communities.holdings', () => new DataLoader((ids: readonly string[]) => this.roleRows.holdingsByGroupIds(ids)));
  }

  goals(ctx: RequestContext): DataLoader<string, GroupGoalEntity[]> {
    return ctx.loaders.get('communities.goals', () => new DataLoader((ids: readonly string[]) => this.goalRows.byGroupIds(ids)));
  }

  latestPairs(ctx: RequestContext): DataLoader<string, PairRow[]> {
    return ctx.loaders.get('communities.latestPairs', () => new DataLoader((ids: readonly string[]) => this.partners.latestByGroupIds(ids)));
  }
}
