import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AuditService, badInput, type ConnectionShape, conflict, ErrorCode, notFound, type Viewer } from '../../core/src/index.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { MAX_GROUP_SIZE } from './communities.limits.js';
import { DEFAULT_MEETING_ROLES, GroupMemberRole, GroupMemberStatus, GroupStatus, MeetingCadence } from './community.enums.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { CURRENT_MEETINGS_OF_GROUP, GroupMeetingsRepository, type MeetingRow } from './group-meetings.repository.js';
import { type GroupMemberWithUser, GroupMembersRepository, type MemberParts } from './group-members.repository.js';
import { type CreateStudyGroupInput, type UpdateStudyGroupInput } from './inputs/study-group.inputs.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { MeetingSeriesService } from './meeting-series.service.js';
import { type Schedule } from './schedule/meeting-schedule.js';
import { toSchedule } from './schedule/schedule-input.js';
import { type StudyGroupSearch, StudyGroupsRepository } from './study-groups.repository.js';
import { scheduleOf, type StudyGroupRow } from './types/study-group.type.js';

/** Status changes a group may make. */
const NEXT_STATUS: Record<GroupStatus, GroupStatus[]> = {
  [GroupStatus.FORMING]: [GroupStatus.ACTIVE, GroupStatus.ARCHIVED],
  [GroupStatus.ACTIVE]: [GroupStatus.ARCHIVED],
  [GroupStatus.ARCHIVED]: [],
};

const scheduleColumns = (s: Schedule) => ({
  cadence: s.cadence as MeetingCadence,
  weekday: s.weekday,
  weekOfMonth: s.weekOfMonth,
  localTime: s.localTime,
  timezone: s.timezone,
  durationMinutes: s.durationMinutes,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
});

/**
 * Groups themselves: who may create them (members in good standing, and admins; the guard on the
 * mutation says so), their settings, their rhythm and their end.
 */
@Injectable()
export class StudyGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roles: MeetingRolesRepository,
    private readonly meetings: GroupMeetingsRepository,
    private readonly series: MeetingSeriesService,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<StudyGroupEntity | null> {
    return this.groups.findById(id);
  }

  /**
   * The group as a plain row, for reading it (`studyGroup`), with in the same statement what `read` asks: its active
   * members (with their users, as `members.users` says), its current meetings (what upcomingMeetings starts from).
   */
  async findRow(
    id: string,
    read: { members?: MemberParts; meetings?: boolean } = {},
  ): Promise<{ group: StudyGroupRow; members?: GroupMemberWithUser[]; meetings?: MeetingRow[] } | null> {
    const found = await this.groups.rowById<{ members: GroupMemberWithUser[]; meetings: MeetingRow[] }>(id, {
      members: read.members && this.members.activeMembersJson(read.members),
      meetings: read.meetings ? CURRENT_MEETINGS_OF_GROUP : undefined,
    });
    if (!found) return null;
    return { group: found.group, members: found.lists.members, meetings: found.lists.meetings };
  }

  search(options: StudyGroupSearch): Promise<ConnectionShape<StudyGroupEntity>> {
    return this.groups.search(options);
  }

  mine(viewer: Viewer): Promise<StudyGroupEntity[]> {
    return this.groups.forMember(viewer.id);
  }

  /** The creator becomes the group's first organiser; meetings for the coming weeks are written with it. */
  async create(viewer: Viewer, input: CreateStudyGroupInput): Promise<StudyGroupEntity> {
    const schedule = toSchedule(input.schedule);
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.insert(manager, {
        name: input.name,
        topic: input.topic,
        description: input.description?.trim() || null,
        visibility: input.visibility,
        capacity: input.capacity ?? null,
        status: GroupStatus.FORMING,
        createdBy: viewer.id,
        ...scheduleColumns(schedule),
      });
      await this.roles.insertRoles(manager, group.id, DEFAULT_MEETING_ROLES.map((role, position) => ({ role, description: null, position })));
      await this.members.insert(manager, {
        groupId: group.id,
        userId: viewer.id,
        role: GroupMemberRole.FACILITATOR,
        status: GroupMemberStatus.ACTIVE,
        joinedAt: new Date(),
        rotationBase: {},
      });
      await this.series.materialiseHorizon(manager, [{ id: group.id, status: group.status, series: schedule, version: null }], new Date());
      return group;
    });
  }

  async update(ctx: ActingContext, id: string, input: UpdateStudyGroupInput): Promise<StudyGroupEntity> {
    const schedule = input.schedule ? toSchedule(input.schedule) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.lockById(manager, id);
      if (!group) throw notFound('Study group');
      if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived and can no longer change', CommunitiesErrorReason.GROUP_ARCHIVED);
      const before = { ...group };
      const now = new Date();

      // Null on a field that cannot be empty means "leave it as it is".
      if (input.name != null) group.name = input.name;
      if (input.topic != null) group.topic = input.topic;
      if (input.description !== undefined) group.description = input.description?.trim() || null;
      if (input.visibility != null) group.visibility = input.visibility;
      if (input.capacity !== undefined) {
        const active = await this.members.countByStatus(manager, group.id, GroupMemberStatus.ACTIVE);
        if ((input.capacity ?? MAX_GROUP_SIZE) < active) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `input.capacity: must be at least the ${active} active members`, {
            fields: [{ path: 'input.capacity', message: `must be at least the ${active} active members` }],
            reason: CommunitiesErrorReason.CAPACITY_BELOW_MEMBERS,
          });
        }
        group.capacity = input.capacity ?? null;
      }
      if (schedule) {
        Object.assign(group, scheduleColumns(schedule));
        await this.meetings.deleteNotStarted(manager, group.id, now);
      }
      if (input.status != null && input.status !== group.status) {
        if (!NEXT_STATUS[group.status].includes(input.status)) throw badInput('input.status', `cannot go from ${group.status} to ${input.status}`, CommunitiesErrorReason.WRONG_STATUS);
        group.status = input.status;
        if (group.status === GroupStatus.ARCHIVED) {
          group.archivedAt = now;
          await this.meetings.deleteNotStarted(manager, group.id, now);
        }
      }
      const saved = await this.groups.save(manager, group);
      if (schedule && saved.status !== GroupStatus.ARCHIVED) {
        await this.series.materialiseHorizon(manager, [{ id: saved.id, status: saved.status, series: scheduleOf(saved), version: null }], now);
      }
      await auditAdminAction(this.audit, manager, ctx, {
        action: 'study-group.update', targetType: 'StudyGroup', targetId: group.id,
        before: { name: before.name, status: before.status, capacity: before.capacity, schedule: scheduleOf(before) },
        after: { name: saved.name, status: saved.status, capacity: saved.capacity, schedule: scheduleOf(saved) },
      });
      return saved;
    });
  }
}
