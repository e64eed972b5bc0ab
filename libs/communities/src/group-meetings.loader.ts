import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { pageSize, type RequestContext } from '../../core/src/index.js';
import { AccountabilityCheckInEntity } from './entities/accountability-check-in.entity.js';
import { GroupGoalEntity } from './entities/group-goal.entity.js';
import { GroupMeetingEntity } from './entities/group-meeting.entity.js';
import { MeetingAttendanceEntity } from './entities/meeting-attendance.entity.js';
import { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';
import { MeetingRoleAssignmentEntity } from './entities/meeting-role-assignment.entity.js';
import { MeetingRoleOfferEntity } from './entities/meeting-role-offer.entity.js';
import { GroupGoalsRepository } from './group-goals.repository.js';
import { GroupMeetingsRepository, type MeetingRow } from './group-meetings.repository.js';
import { MeetingRecordsRepository } from './meeting-records.repository.js';
import { MeetingRoleOffersRepository } from './meeting-role-offers.repository.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { MeetingSeriesService, type SeriesGroup } from './meeting-series.service.js';

/** Per-request batch loaders for meetings and what hangs off them. */
@Injectable()
export class GroupMeetingsLoader {
  constructor(
    private readonly meetings: GroupMeetingsRepository,
    private readonly series: MeetingSeriesService,
    private readonly roles: MeetingRolesRepository,
    private readonly records: MeetingRecordsRepository,
    private readonly goals: GroupGoalsRepository,
    private readonly offers: MeetingRoleOffersRepository,
  ) {}

  meetingById(ctx: RequestContext): DataLoader<string, GroupMeetingEntity | undefined> {
    return ctx.loaders.get('communities.meetingById', () => new DataLoader((ids: readonly string[]) => this.meetings.findByIds(ids)));
  }

  goalById(ctx: RequestContext): DataLoader<string, GroupGoalEntity | undefined> {
    return ctx.loaders.get('communities.goalById', () => new DataLoader((ids: readonly string[]) => this.goals.findByIds(ids)));
  }

  /** The next `count` meetings of each group (rows written on first need); one loader per count asked. */
  upcoming(ctx: RequestContext, count: number): DataLoader<SeriesGroup, MeetingRow[], string> {
    return ctx.loaders.get(`communities.upcoming.${count}`, () =>
      new DataLoader(
        async (groups: readonly SeriesGroup[]) => {
          const current = this.currentMeetings(ctx);
          const primed = new Map(groups.map((g) => [g.id, ctx.loaders.peek(current, g.id)] as const));
          const read = [...primed.values()].every((rows) => rows !== undefined) ? (primed as Map<string, MeetingRow[]>) : undefined;
          const found = await this.series.upcoming([...groups], new Date(), count, read);
          return groups.map((g) => found.get(g.id)!);
        },
        { cacheKeyFn: (g) => g.id },
      ),
    );
  }

  /**
   * Each group's current meetings (what `upcoming` starts from) when a statement of this request read them with the
   * group (`studyGroup`); its batch is never asked (`upcoming` reads them itself otherwise).
   */
  private currentMeetings(ctx: RequestContext): DataLoader<string, MeetingRow[]> {
    return ctx.loaders.get('communities.currentMeetings', () =>
      new DataLoader<string, MeetingRow[]>(async () => {
        throw new Error('communities.currentMeetings is only primed');
      }),
    );
  }

  /** Hands `upcoming` the current meetings of `groupId` read with the group (CURRENT_MEETINGS_OF_GROUP). */
  primeCurrentMeetings(ctx: RequestContext, groupId: string, rows: MeetingRow[]): void {
    ctx.loaders.prime(this.currentMeetings(ctx), groupId, rows);
  }

  /** A page of each group's meetings, for one (first, after) pair. */
  page(ctx: RequestContext, first: number | undefined, after: string | undefined): DataLoader<string, GroupMeetingEntity[]> {
    const size = pageSize(first);
    return ctx.loaders.get(`communities.meetingsPage.${size}.${after ?? ''}`, () =>
      new DataLoader((ids: readonly string[]) => this.meetings.pageByGroupIds(ids, size, after)),
    );
  }

  meetingCount(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.get('communities.meetingCount', () => new DataLoader((ids: readonly string[]) => this.meetings.countsByGroupIds(ids)));
  }

  assignments(ctx: RequestContext): DataLoader<string, MeetingRoleAssignmentEntity[]> {
    return ctx.loaders.get('communities.assignments', () => new DataLoader((ids: readonly string[]) => this.roles.byMeetingIds(ids)));
  }

  attendance(ctx: RequestContext): DataLoader<string, MeetingAttendanceEntity[]> {
    return ctx.loaders.get('communities.attendance', () => new DataLoader((ids: readonly string[]) => this.records.attendanceByMeetingIds(ids)));
  }

  checkIns(ctx: RequestContext): DataLoader<string, AccountabilityCheckInEntity[]> {
    return ctx.loaders.get('communities.checkIns', () => new DataLoader((ids: readonly string[]) => this.records.checkInsByMeetingIds(ids)));
  }

  roleOffers(ctx: RequestContext): DataLoader<string, MeetingRoleOfferEntity[]> {
    return ctx.loaders.get('communities.roleOffers', () => new DataLoader((ids: readonly string[]) => this.offers.byMeetingIds(ids)));
  }

  /** A page of each group's past meetings (started by the time the batch runs), newest first, for one (first, after) pair. */
  pastPage(ctx: RequestContext, first: number | undefined, after: string | undefined): DataLoader<string, GroupMeetingEntity[]> {
    const size = pageSize(first);
    return ctx.loaders.get(`communities.pastMeetingsPage.${size}.${after ?? ''}`, () =>
      new DataLoader((ids: readonly string[]) => this.meetings.pastPageByGroupIds(ids, size, after, new Date())),
    );
  }

  pastMeetingCount(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.get('communities.pastMeetingCount', () => new DataLoader((ids: readonly string[]) => this.meetings.pastCountsByGroupIds(ids, new Date())));
  }

  /** The viewer's own feedback per meeting. */
  myFeedback(ctx: RequestContext, userId: string): DataLoader<string, MeetingFeedbackEntity | undefined> {
    return ctx.loaders.get(`communities.myFeedback.${userId}`, () => new DataLoader((ids: readonly string[]) => this.records.feedbackOf(userId, ids)));
  }
}
