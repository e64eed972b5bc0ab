import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, conflict, isUniqueViolation, notFound, type Viewer } from '../../core/src/index.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { MAX_GROUP_SIZE, MAX_PENDING_REQUESTS } from './communities.limits.js';
import { GroupMemberRole, GroupMemberStatus, GroupStatus, GroupVisibility } from './community.enums.js';
import { StudyGroupMemberEntity } from './entities/study-group-member.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupNotifier } from './group-notifier.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { RoleRotationService } from './role-rotation.service.js';
import { joinBase } from './rotation/role-rotation.js';
import { StudyGroupsRepository } from './study-groups.repository.js';

const ONE_PER_PERSON = 'study_group_members_pkey';

/**
 * Who is in a group. Capacity is enforced under the group row lock: lock the group, count the active
 * members, insert, all in one transaction, so concurrent joins queue up and exactly `capacity` get in.
 * The primary key (group, person) stops a person being in a group twice whatever the timing.
 */
@Injectable()
export class GroupMembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roles: MeetingRolesRepository,
    private readonly rotation: RoleRotationService,
    private readonly notifier: GroupNotifier,
    private readonly audit: AuditService,
  ) {}

  /** OPEN groups: in at once while there is room. APPROVAL groups: a request the organisers hear about. */
  async join(viewer: Viewer, groupId: string): Promise<StudyGroupMemberEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const group = await this.lockOpenGroup(manager, groupId);
        if (await this.members.find(manager, groupId, viewer.id)) throw this.alreadyIn();
        if (group.visibility === GroupVisibility.OPEN) {
          await this.assertRoom(manager, group);
          const member = await this.members.insert(manager, {
            groupId, userId: viewer.id, role: GroupMemberRole.MEMBER, status: GroupMemberStatus.ACTIVE,
            joinedAt: new Date(), rotationBase: joinBase(await this.rotation.ledger(manager, groupId)),
          });
          await this.notifier.toUser(manager, viewer.id, {
            template: 'study-group-joined', subject: `Welcome to ${group.name}`,
            text: `You have joined the study group ${group.name} (${group.topic}).`,
          });
          return member;
        }
        if ((await this.members.countByStatus(manager, groupId, GroupMemberStatus.PENDING)) >= MAX_PENDING_REQUESTS) {
          throw conflict('The group has too many requests waiting; try again later', CommunitiesErrorReason.TOO_MANY_REQUESTS);
        }
        const request = await this.members.insert(manager, { groupId, userId: viewer.id, role: GroupMemberRole.MEMBER, status: GroupMemberStatus.PENDING, joinedAt: null, rotationBase: {} });
        await this.notifier.toOrganisers(manager, groupId, {
          template: 'study-group-join-request', subject: `${group.name}: a request to join`,
          text: `Someone has asked to join ${group.name}. Approve or decline the request in the group's page.`,
          dedupeKey: (organiser) => `study-group-join-request:${groupId}:${viewer.id}:${organiser}:${request.requestedAt.toISOString()}`,
        });
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error, ONE_PER_PERSON)) throw this.alreadyIn();
      throw error;
    }
  }

  /** Leaves (or withdraws a request). The last organiser's place goes to the longest-standing member. */
  async leave(viewer: Viewer, groupId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.lockById(manager, groupId);
      if (!group) throw notFound('Study group');
      const member = await this.members.find(manager, groupId, viewer.id);
      if (!member) return false;
      await this.members.remove(manager, groupId, viewer.id);
      if (member.status !== GroupMemberStatus.ACTIVE) return true;
      await this.roles.dropFutureTurnsOf(manager, groupId, viewer.id, new Date());
      if (member.role === GroupMemberRole.FACILITATOR && !(await this.members.activeUserIds(manager, groupId, GroupMemberRole.FACILITATOR)).length) {
        const successor = await this.members.longestStandingMember(manager, groupId);
        if (successor) {
          successor.role = GroupMemberRole.FACILITATOR;
          await this.members.save(manager, successor);
          await this.notifier.toUser(manager, successor.userId, {
            template: 'study-group-organiser', subject: `You now organise ${group.name}`,
            text: `The last organiser of ${group.name} has left; as its longest-standing member you are now its organiser.`,
          });
        }
      }
      return true;
    });
  }

  async approve(ctx: ActingContext, groupId: string, userId: string): Promise<StudyGroupMemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockOpenGroup(manager, groupId);
      const member = await this.members.find(manager, groupId, userId);
      if (!member) throw notFound('Join request');
      if (member.status === GroupMemberStatus.ACTIVE) return member;
      await this.assertRoom(manager, group);
      member.status = GroupMemberStatus.ACTIVE;
      member.joinedAt = new Date();
      member.rotationBase = joinBase(await this.rotation.ledger(manager, groupId));
      const saved = await this.members.save(manager, member);
      await this.notifier.toUser(manager, userId, {
        template: 'study-group-approved', subject: `Welcome to ${group.name}`,
        text: `Your request to join the study group ${group.name} was approved.`,
      });
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.approve-member', targetType: 'StudyGroup', targetId: groupId, after: { userId } });
      return saved;
    });
  }

  /** Declines a pending request (an active member is not removed this way). */
  async decline(ctx: ActingContext, groupId: string, userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockOpenGroup(manager, groupId);
      const member = await this.members.find(manager, groupId, userId);
      if (!member || member.status !== GroupMemberStatus.PENDING) throw notFound('Join request');
      await this.members.remove(manager, groupId, userId);
      await this.notifier.toUser(manager, userId, {
        template: 'study-group-declined', subject: `Your request to join ${group.name}`,
        text: `Your request to join the study group ${group.name} was not accepted this time.`,
      });
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.decline-member', targetType: 'StudyGroup', targetId: groupId, after: { userId } });
      return true;
    });
  }

  private async lockOpenGroup(manager: EntityManager, groupId: string): Promise<StudyGroupEntity> {
    const group = await this.groups.lockById(manager, groupId);
    if (!group) throw notFound('Study group');
    if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
    return group;
  }

  /** Counted under the group row lock the caller holds. */
  private async assertRoom(manager: EntityManager, group: StudyGroupEntity): Promise<void> {
    const active = await this.members.countByStatus(manager, group.id, GroupMemberStatus.ACTIVE);
    if (active >= (group.capacity ?? MAX_GROUP_SIZE)) throw conflict('The group is full', CommunitiesErrorReason.GROUP_FULL);
  }

  private alreadyIn() {
    return conflict('You are already in this group (or have asked to join)', CommunitiesErrorReason.ALREADY_IN_GROUP);
  }
}
