import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, badInput, conflict, ErrorCode, notFound } from '../../core/src/index.js';
import { type ActingContext } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { GroupMemberStatus, GroupStatus, MeetingStatus } from './community.enums.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupMeetingsRepository } from './group-meetings.repository.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupNotifier } from './group-notifier.js';
import { MeetingRoleOffersRepository } from './meeting-role-offers.repository.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { StudyGroupsRepository } from './study-groups.repository.js';

const roleName = (role: string) => role.toLowerCase().replace(/_/g, ' ');
const whenOf = (meeting: GroupMeetingEntity) => `${meeting.startsAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/**
 * Members swapping roles among themselves: the holder of a role at a meeting that has not started
 * offers it to another active member; if that member holds a role at the meeting too, the offer is a
 * trade. Nothing changes until the other member accepts, and then only if both still hold what they
 * held when it was offered. Every step takes the group row lock first (as the rotation does), so an
 * answer never works from roles that another change is rewriting.
 */
@Injectable()
export class MeetingRoleOffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly meetings: GroupMeetingsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roles: MeetingRolesRepository,
    private readonly offers: MeetingRoleOffersRepository,
    private readonly notifier: GroupNotifier,
    private readonly audit: AuditService,
  ) {}

  async offer(ctx: ActingContext, meetingId: string, role: string, toUserId: string): Promise<GroupMeetingEntity> {
    if (toUserId === ctx.actor.id) throw badInput('userId', 'must be another member of the group');
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockOpenMeeting(manager, meetingId);
      const current = await this.roles.ofMeeting(manager, meeting.id);
      if (current.find((a) => a.role === role)?.userId !== ctx.actor.id) {
        throw new AppError(ErrorCode.CONFLICT, `role: you do not hold ${role} at this meeting`, { reason: CommunitiesErrorReason.NOT_ROLE_HOLDER, fields: [{ path: 'role', message: 'is not yours at this meeting' }] });
      }
      await this.assertActive(manager, group.id, toUserId, 'userId');
      const inReturnRole = current.find((a) => a.userId === toUserId)?.role ?? null;
      await this.offers.put(manager, { meetingId: meeting.id, role, groupId: group.id, fromUserId: ctx.actor.id, toUserId, inReturnRole });
      const [from] = await this.notifier.contactsOf(manager, [ctx.actor.id]);
      await this.notifier.toUser(manager, toUserId, {
        template: 'study-group-role-offer',
        subject: `${group.name}: ${from?.fullName ?? 'a member'} offers you ${roleName(role)} on ${whenOf(meeting)}`,
        text: `${from?.fullName ?? 'A member'} asks you to be ${roleName(role)} at the ${group.name} meeting on ${whenOf(meeting)}`
          + (inReturnRole ? `, taking your ${roleName(inReturnRole)} in return.` : '.')
          + ' Accept or decline it on the group\'s page.',
      });
      await this.audit.record(manager, {
        actorId: ctx.actor.id, requestId: ctx.requestId, action: 'study-group.offer-role', targetType: 'GroupMeeting', targetId: meeting.id,
        after: { role, toUserId, inReturnRole },
      });
      return meeting;
    });
  }

  /** The member asked answers: accepting makes the swap (or trade), declining drops the offer. Either way the offerer is told. */
  async answer(ctx: ActingContext, meetingId: string, role: string, accept: boolean): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockOpenMeeting(manager, meetingId, !accept);
      const offer = await this.offers.find(manager, meeting.id, role);
      if (!offer || offer.toUserId !== ctx.actor.id) throw notFound('Role offer');
      await this.offers.dropForRoles(manager, meeting.id, [role]);
      const [me] = await this.notifier.contactsOf(manager, [ctx.actor.id]);
      if (!accept) {
        await this.notifier.toUser(manager, offer.fromUserId, {
          template: 'study-group-role-offer-declined',
          subject: `${group.name}: ${me?.fullName ?? 'the member'} declined ${roleName(role)} on ${whenOf(meeting)}`,
          text: `${me?.fullName ?? 'The member'} declined your offer of ${roleName(role)} at the ${group.name} meeting on ${whenOf(meeting)}. The role is still yours.`,
        });
        await this.audit.record(manager, {
          actorId: ctx.actor.id, requestId: ctx.requestId, action: 'study-group.decline-role-offer', targetType: 'GroupMeeting', targetId: meeting.id,
          before: { role, fromUserId: offer.fromUserId },
        });
        return meeting;
      }
      await this.assertActive(manager, group.id, ctx.actor.id, 'meetingId');
      const current = await this.roles.ofMeeting(manager, meeting.id);
      const mine = current.find((a) => a.userId === ctx.actor.id)?.role ?? null;
      if (current.find((a) => a.role === role)?.userId !== offer.fromUserId || mine !== offer.inReturnRole) {
        throw conflict('The roles at this meeting changed since the offer was made', CommunitiesErrorReason.ROLES_CHANGED);
      }
      await this.roles.setHolder(manager, meeting.id, role, group.id, ctx.actor.id);
      if (offer.inReturnRole) {
        await this.roles.setHolder(manager, meeting.id, offer.inReturnRole, group.id, offer.fromUserId);
        await this.offers.dropForRoles(manager, meeting.id, [offer.inReturnRole]);
      }
      await this.notifier.toUser(manager, offer.fromUserId, {
        template: 'study-group-role-offer-accepted',
        subject: `${group.name}: ${me?.fullName ?? 'the member'} takes ${roleName(role)} on ${whenOf(meeting)}`,
        text: `${me?.fullName ?? 'The member'} accepted your offer: they are ${roleName(role)} at the ${group.name} meeting on ${whenOf(meeting)}`
          + (offer.inReturnRole ? ` and you are ${roleName(offer.inReturnRole)}.` : '; you hold no role at it now.'),
      });
      await this.audit.record(manager, {
        actorId: ctx.actor.id, requestId: ctx.requestId, action: 'study-group.accept-role-offer', targetType: 'GroupMeeting', targetId: meeting.id,
        before: { [role]: offer.fromUserId, ...(offer.inReturnRole ? { [offer.inReturnRole]: ctx.actor.id } : {}) },
        after: { [role]: ctx.actor.id, ...(offer.inReturnRole ? { [offer.inReturnRole]: offer.fromUserId } : {}) },
      });
      return meeting;
    });
  }

  private async assertActive(manager: EntityManager, groupId: string, userId: string, field: string): Promise<void> {
    const member = await this.members.find(manager, groupId, userId);
    if (member?.status !== GroupMemberStatus.ACTIVE) throw badInput(field, 'is not an active member of the group');
  }

  /** Group row first, then the meeting (the order every change to roles keeps). Declining works on any meeting. */
  private async lockOpenMeeting(manager: EntityManager, meetingId: string, anyState = false): Promise<{ group: StudyGroupEntity; meeting: GroupMeetingEntity }> {
    const found = await this.meetings.findById(meetingId, manager);
    if (!found) throw notFound('Meeting');
    const group = await this.groups.lockById(manager, found.groupId);
    const meeting = group && (await this.meetings.lockById(manager, meetingId));
    if (!group || !meeting) throw notFound('Meeting');
    if (anyState) return { group, meeting };
    if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
    if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
    if (meeting.startsAt.getTime() <= Date.now()) throw conflict('The meeting has started: its roles are settled', CommunitiesErrorReason.MEETING_STARTED);
    return { group, meeting };
  }
}
