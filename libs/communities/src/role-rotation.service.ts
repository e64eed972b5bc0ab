import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, conflict, notFound } from '../../core/src/index.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { GroupStatus, MeetingStatus } from './community.enums.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupMeetingsRepository } from './group-meetings.repository.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupNotifier } from './group-notifier.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { type Assignment, assignRoles, buildLedger, type Ledger } from './rotation/role-rotation.js';
import { StudyGroupsRepository } from './study-groups.repository.js';

/** Roles are given out this long before a meeting starts (and announced). */
export const ROLE_LEAD_HOURS = 72;
const BATCH = 100;

/**
 * The rotation's rules around the pure algorithm in rotation/role-rotation.ts: which roles a group
 * rotates, filling a meeting's roles (by the job ahead of each meeting, or on an organiser's request)
 * and swaps. Every change takes the group row lock first, so the ledger it reads is the one it writes to.
 */
@Injectable()
export class RoleRotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly meetings: GroupMeetingsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roles: MeetingRolesRepository,
    private readonly notifier: GroupNotifier,
    private readonly audit: AuditService,
  ) {}

  /** The group's turn counts as they stand (optionally leaving one meeting's own turns out). */
  async ledger(manager: EntityManager, groupId: string, excludeMeetingId?: string): Promise<Ledger> {
    const roles = await this.roles.rolesOf(manager, groupId);
    const members = await this.members.active(manager, groupId);
    const holdings = await this.roles.holdings(manager, groupId);
    return buildLedger({
      roles: roles.map((r) => ({ role: r.role, addedAt: r.addedAt })),
      members: members.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt!, base: m.rotationBase })),
      holdings,
      excludeMeetingId,
    });
  }

  async setRoles(ctx: ActingContext, groupId: string, wanted: Array<{ role: string; description?: string | null }>): Promise<StudyGroupEntity> {
    const seen = new Map<string, number>();
    wanted.forEach((r, i) => {
      if (seen.has(r.role)) throw badInput(`roles.${i}.role`, `lists ${r.role} a second time`);
      seen.set(r.role, i);
    });
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockOpenGroup(manager, groupId);
      const current = await this.roles.rolesOf(manager, groupId);
      const removed = current.filter((r) => !seen.has(r.role)).map((r) => r.role);
      const kept = new Set(current.map((r) => r.role));
      await this.roles.dropFutureTurnsOfRoles(manager, groupId, removed, new Date());
      await this.roles.deleteRoles(manager, groupId, removed);
      for (const [position, r] of wanted.entries()) {
        if (kept.has(r.role)) await this.roles.updateRole(manager, groupId, r.role, r.description ?? null, position);
      }
      const added = wanted.map((r, position) => ({ role: r.role, description: r.description ?? null, position })).filter((r) => !kept.has(r.role));
      await this.roles.insertRoles(manager, groupId, added);
      await auditAdminAction(this.audit, manager, ctx, {
        action: 'study-group.set-roles', targetType: 'StudyGroup', targetId: groupId,
        before: { roles: current.map((r) => r.role) }, after: { roles: wanted.map((r) => r.role) },
      });
      return group;
    });
  }

  /** An organiser's request: the meeting's roles given out afresh (its own earlier turns do not count). */
  async assign(ctx: ActingContext, meetingId: string): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockMeeting(manager, meetingId);
      this.assertAhead(meeting);
      await this.roles.clearMeeting(manager, meeting.id);
      const assigned = await this.fill(manager, group, meeting);
      await auditAdminAction(this.audit, manager, ctx, {
        action: 'study-group.assign-roles', targetType: 'GroupMeeting', targetId: meeting.id, after: { assignments: assigned },
      });
      return meeting;
    });
  }

  /** `userId` takes `role` at this meeting; if they held another role there, the two trade. */
  async swap(ctx: ActingContext, meetingId: string, role: string, userId: string): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockMeeting(manager, meetingId);
      if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
      const current = await this.roles.ofMeeting(manager, meeting.id);
      const groupRoles = await this.roles.rolesOf(manager, group.id);
      if (!groupRoles.some((r) => r.role === role) && !current.some((a) => a.role === role)) {
        throw badInput('role', `is not one of this group's meeting roles (${groupRoles.map((r) => r.role).join(', ')})`);
      }
      const member = await this.members.find(manager, group.id, userId);
      if (!member?.joinedAt || member.joinedAt.getTime() > meeting.startsAt.getTime()) {
        throw badInput('userId', 'is not an active member of the group at that meeting');
      }
      const holder = current.find((a) => a.role === role);
      if (holder?.userId === userId) return meeting;
      const traded = current.find((a) => a.userId === userId && a.role !== role);
      if (traded && holder) await this.roles.setHolder(manager, meeting.id, traded.role, group.id, holder.userId);
      await this.roles.setHolder(manager, meeting.id, role, group.id, userId);
      const changed: Assignment[] = [{ role, userId }, ...(traded && holder ? [{ role: traded.role, userId: holder.userId }] : [])];
      await this.announce(manager, group, meeting, changed, 'swap');
      await auditAdminAction(this.audit, manager, ctx, {
        action: 'study-group.swap-role', targetType: 'GroupMeeting', targetId: meeting.id,
        before: { role, userId: holder?.userId ?? null }, after: { role, userId },
      });
      return meeting;
    });
  }

  /**
   * The job: every meeting starting within ROLE_LEAD_HOURS that lacks holders gets them, and they
   * are told. Safe to run from two workers at once (the group lock serialises them, the second finds
   * nothing missing) and as often as you like (filled roles are never redone).
   */
  async assignDue(now = new Date()): Promise<number> {
    let filled = 0;
    for (;;) {
      const due = await this.meetings.needingRoles(now, new Date(now.getTime() + ROLE_LEAD_HOURS * 3_600_000), BATCH);
      let progressed = 0;
      for (const { id } of due) {
        const count = await this.dataSource.transaction(async (manager) => {
          const found = await this.meetings.findById(id, manager);
          const group = found && (await this.groups.lockById(manager, found.groupId));
          const meeting = group && (await this.meetings.lockById(manager, id));
          // Archived, cancelled or started since it was listed: nothing to do.
          if (!group || !meeting || group.status === GroupStatus.ARCHIVED || meeting.status !== MeetingStatus.SCHEDULED || meeting.startsAt.getTime() <= now.getTime()) return 0;
          return (await this.fill(manager, group, meeting)).length;
        });
        filled += count;
        if (count) progressed++;
      }
      // Meetings that cannot be filled (no active members) would come back every time: stop.
      if (due.length < BATCH || progressed === 0) break;
    }
    return filled;
  }

  /** Gives holders to the meeting's roles that have none, fairly, keeping the ones that do. */
  private async fill(manager: EntityManager, group: StudyGroupEntity, meeting: GroupMeetingEntity): Promise<Assignment[]> {
    const groupRoles = await this.roles.rolesOf(manager, group.id);
    const current = await this.roles.ofMeeting(manager, meeting.id);
    const held = new Set(current.map((a) => a.role));
    const missing = groupRoles.map((r) => r.role).filter((r) => !held.has(r));
    if (!missing.length) return [];
    const ledger = await this.ledger(manager, group.id, meeting.id);
    const assigned = assignRoles(ledger, missing, current.map((a) => ({ role: a.role, userId: a.userId })));
    await this.roles.insertAssignments(manager, group.id, meeting.id, assigned);
    await this.announce(manager, group, meeting, assigned, 'rotation');
    return assigned;
  }

  private async announce(manager: EntityManager, group: StudyGroupEntity, meeting: GroupMeetingEntity, assignments: Assignment[], why: 'rotation' | 'swap'): Promise<void> {
    const byUser = new Map<string, string[]>();
    for (const a of assignments) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a.role]);
    const when = meeting.startsAt.toISOString().replace('T', ' ').slice(0, 16);
    for (const [userId, roles] of byUser) {
      const list = roles.map((r) => r.toLowerCase().replace(/_/g, ' ')).join(' and ');
      await this.notifier.toUser(manager, userId, {
        template: 'study-group-meeting-roles',
        subject: `${group.name}: you are ${list} on ${when} UTC`,
        text: `${why === 'swap' ? 'A role was handed to you' : 'It is your turn'}: you are ${list} at the ${group.name} meeting on ${when} UTC.`,
        dedupeKey: () => `study-group-roles:${meeting.id}:${userId}:${[...roles].sort().join(',')}:${meeting.startsAt.toISOString()}`,
      });
    }
  }

  private async lockOpenGroup(manager: EntityManager, groupId: string): Promise<StudyGroupEntity> {
    const group = await this.groups.lockById(manager, groupId);
    if (!group) throw notFound('Study group');
    if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
    return group;
  }

  /** Group row first, then the meeting (always in that order, so two changes never deadlock). */
  private async lockMeeting(manager: EntityManager, meetingId: string): Promise<{ group: StudyGroupEntity; meeting: GroupMeetingEntity }> {
    const found = await this.meetings.findById(meetingId, manager);
    if (!found) throw notFound('Meeting');
    const group = await this.lockOpenGroup(manager, found.groupId);
    const meeting = await this.meetings.lockById(manager, meetingId);
    if (!meeting) throw notFound('Meeting');
    return { group, meeting };
  }

  private assertAhead(meeting: GroupMeetingEntity): void {
    if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
    if (meeting.startsAt.getTime() <= Date.now()) throw conflict('The meeting has started: its roles are settled (swap one instead)', CommunitiesErrorReason.MEETING_STARTED);
  }
}
