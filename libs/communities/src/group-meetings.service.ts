import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, conflict, notFound, type Viewer } from '../../core/src/index.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { GroupStatus, MeetingStatus } from './community.enums.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupMeetingsRepository } from './group-meetings.repository.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupNotifier } from './group-notifier.js';
import { MeetingRecordsRepository } from './meeting-records.repository.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { occurrenceOn } from './schedule/meeting-schedule.js';
import { instantToLocal } from './schedule/zoned-time.js';
import { StudyGroupsRepository } from './study-groups.repository.js';
import { scheduleOf } from './types/study-group.type.js';

const DAY = 86_400_000;
/** How far from its series date a meeting may be moved. */
const MAX_MOVE_DAYS = 60;

/** One meeting at a time: moving, cancelling, notes, attendance and feedback. */
@Injectable()
export class GroupMeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly meetings: GroupMeetingsRepository,
    private readonly members: GroupMembersRepository,
    private readonly roles: MeetingRolesRepository,
    private readonly records: MeetingRecordsRepository,
    private readonly notifier: GroupNotifier,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<GroupMeetingEntity | null> {
    return this.meetings.findById(id);
  }

  /** Moves one meeting; the series and its other meetings stay as they are. Members are told. */
  async move(ctx: ActingContext, meetingId: string, requested: Date): Promise<GroupMeetingEntity> {
    const startsAt = new Date(Math.floor(requested.getTime() / 60_000) * 60_000);
    if (startsAt.getTime() <= Date.now()) throw badInput('startsAt', 'must be in the future');
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockMeeting(manager, meetingId);
      this.assertNotStarted(meeting);
      const series = occurrenceOn(scheduleOf(group), meeting.occurrenceDate);
      if (Math.abs(startsAt.getTime() - series.startsAt.getTime()) > MAX_MOVE_DAYS * DAY) {
        throw badInput('startsAt', `must be within ${MAX_MOVE_DAYS} days of the meeting's usual date`);
      }
      const before = { startsAt: meeting.startsAt };
      const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
      meeting.startsAt = startsAt;
      meeting.endsAt = new Date(startsAt.getTime() + length);
      meeting.moved = startsAt.getTime() !== series.startsAt.getTime();
      const saved = await this.meetings.save(manager, meeting);
      const local = instantToLocal(group.timezone, startsAt);
      await this.notifier.toMembers(manager, group.id, {
        template: 'study-group-meeting-moved',
        subject: `${group.name}: the meeting of ${meeting.occurrenceDate} moves to ${local.date} ${local.time}`,
        text: `The ${group.name} meeting usually on ${meeting.occurrenceDate} will take place on ${local.date} at ${local.time} (${group.timezone}).`,
        dedupeKey: (userId) => `study-group-meeting-moved:${meeting.id}:${startsAt.toISOString()}:${userId}`,
      }, ctx.actor.id);
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.move-meeting', targetType: 'GroupMeeting', targetId: meeting.id, before, after: { startsAt } });
      return saved;
    });
  }

  /** Cancels one meeting (its role turns are given back); members are told. Cancelling twice is harmless. */
  async cancel(ctx: ActingContext, meetingId: string): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockMeeting(manager, meetingId);
      if (meeting.status === MeetingStatus.CANCELLED) return meeting;
      this.assertNotStarted(meeting);
      meeting.status = MeetingStatus.CANCELLED;
      const saved = await this.meetings.save(manager, meeting);
      await this.roles.clearMeeting(manager, meeting.id);
      await this.notifier.toMembers(manager, group.id, {
        template: 'study-group-meeting-cancelled',
        subject: `${group.name}: the meeting of ${meeting.occurrenceDate} is cancelled`,
        text: `The ${group.name} meeting of ${meeting.occurrenceDate} is cancelled. The meetings after it go ahead as usual.`,
        dedupeKey: (userId) => `study-group-meeting-cancelled:${meeting.id}:${userId}`,
      }, ctx.actor.id);
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.cancel-meeting', targetType: 'GroupMeeting', targetId: meeting.id });
      return saved;
    });
  }

  async saveNotes(viewer: Viewer, meetingId: string, notes: string): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.lockById(manager, meetingId);
      if (!meeting) throw notFound('Meeting');
      if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
      meeting.notes = notes.trim() ? notes : null;
      meeting.notesUpdatedBy = viewer.id;
      meeting.notesUpdatedAt = new Date();
      return this.meetings.save(manager, meeting);
    });
  }

  /** Records who was there: the listed members present, every other active member absent. */
  async recordAttendance(ctx: ActingContext, meetingId: string, userIds: string[]): Promise<GroupMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { group, meeting } = await this.lockMeeting(manager, meetingId, true);
      if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
      if (meeting.startsAt.getTime() > Date.now()) throw conflict('The meeting has not started yet', CommunitiesErrorReason.MEETING_NOT_STARTED);
      const active = await this.members.active(manager, group.id);
      const activeIds = new Set(active.map((m) => m.userId));
      userIds.forEach((id, i) => {
        if (!activeIds.has(id)) throw badInput(`userIds.${i}`, 'is not an active member of the group');
      });
      const present = new Set(userIds);
      await this.records.replaceAttendance(manager, meeting.id, active.map((m) => ({ userId: m.userId, present: present.has(m.userId) })), ctx.actor.id);
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.record-attendance', targetType: 'GroupMeeting', targetId: meeting.id, after: { present: userIds } });
      return meeting;
    });
  }

  async submitFeedback(viewer: Viewer, meetingId: string, rating: number, comment: string | null | undefined): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.findById(meetingId, manager);
      if (!meeting) throw notFound('Meeting');
      if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
      if (meeting.startsAt.getTime() > Date.now()) throw conflict('Feedback opens when the meeting starts', CommunitiesErrorReason.MEETING_NOT_STARTED);
      await this.records.upsertFeedback(manager, meeting.id, viewer.id, rating, comment?.trim() || null);
      return true;
    });
  }

  /** Group row first, then the meeting: the same order everywhere. */
  private async lockMeeting(manager: EntityManager, meetingId: string, allowArchived = false): Promise<{ group: StudyGroupEntity; meeting: GroupMeetingEntity }> {
    const found = await this.meetings.findById(meetingId, manager);
    if (!found) throw notFound('Meeting');
    const group = await this.groups.lockById(manager, found.groupId);
    if (!group) throw notFound('Meeting');
    if (group.status === GroupStatus.ARCHIVED && !allowArchived) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
    const meeting = await this.meetings.lockById(manager, meetingId);
    if (!meeting) throw notFound('Meeting');
    return { group, meeting };
  }

  private assertNotStarted(meeting: GroupMeetingEntity): void {
    if (meeting.status === MeetingStatus.CANCELLED) throw conflict('The meeting is cancelled', CommunitiesErrorReason.MEETING_CANCELLED);
    if (meeting.startsAt.getTime() <= Date.now()) throw conflict('The meeting has already started', CommunitiesErrorReason.MEETING_STARTED);
  }
}
