import { Module } from '@nestjs/common';
import { MembersModule } from '../../members/src/index.js';
import { GroupAccessGuard } from './access/group-access.guard.js';
import { AccountabilityRepository } from './accountability.repository.js';
import { AccountabilityResolver } from './accountability.resolver.js';
import { AccountabilityService } from './accountability.service.js';
import { CommunityReportRepository } from './community-report.repository.js';
import { CommunityReportResolver } from './community-report.resolver.js';
import { CommunityReportService } from './community-report.service.js';
import { GroupGoalsRepository } from './group-goals.repository.js';
import { GroupGoalsResolver } from './group-goals.resolver.js';
import { GroupGoalsService } from './group-goals.service.js';
import { GroupMeetingsLoader } from './group-meetings.loader.js';
import { GroupMeetingsRepository } from './group-meetings.repository.js';
import { GroupMeetingsResolver, StudyGroupMeetingsResolver } from './group-meetings.resolver.js';
import { GroupMeetingsService } from './group-meetings.service.js';
import { GroupMembersRepository } from './group-members.repository.js';
import { GroupMembersResolver } from './group-members.resolver.js';
import { GroupMembershipService } from './group-membership.service.js';
import { GroupNotifier } from './group-notifier.js';
import { MeetingRecordsRepository } from './meeting-records.repository.js';
import { MeetingRoleOffersRepository } from './meeting-role-offers.repository.js';
import { MeetingRoleOfferPeopleResolver, MeetingRoleOffersResolver } from './meeting-role-offers.resolver.js';
import { MeetingRoleOffersService } from './meeting-role-offers.service.js';
import { MeetingRolesRepository } from './meeting-roles.repository.js';
import { MeetingRolesResolver } from './meeting-roles.resolver.js';
import { MeetingSeriesService } from './meeting-series.service.js';
import { AttendeeResolver, CheckInAuthorResolver, GroupMemberUserResolver, PairMembersResolver, RoleHolderResolver, RoleTurnsUserResolver } from './people-fields.resolver.js';
import { RoleRotationService } from './role-rotation.service.js';
import { StudyGroupRoster } from './roster/study-group-roster.js';
import { StudyGroupRosterRepository } from './roster/study-group-roster.repository.js';
import { StudyGroupCalendarController } from './study-group-calendar.controller.js';
import { StudyGroupUpkeepService } from './study-group-upkeep.service.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { StudyGroupsRepository } from './study-groups.repository.js';
import { StudyGroupsResolver } from './study-groups.resolver.js';
import { StudyGroupsService } from './study-groups.service.js';
import { StudyGroupAttendanceReport } from './reports/study-group-attendance.report.js';
import { StudyGroupAttendanceRepository } from './reports/study-group-attendance.repository.js';
import { StudyGroupAttendanceResolver } from './reports/study-group-attendance.resolver.js';
import { CommunitiesPersonalDataRepository } from './privacy/communities-personal-data.repository.js';

/** Learning communities: study groups with a meeting rhythm, rotating roles, goals and peer accountability. */
@Module({
  imports: [MembersModule],
  controllers: [StudyGroupCalendarController],
  providers: [
    StudyGroupAttendanceRepository,
    StudyGroupAttendanceReport,
    StudyGroupAttendanceResolver,
    CommunitiesPersonalDataRepository,
    StudyGroupsRepository,
    GroupMembersRepository,
    GroupMeetingsRepository,
    MeetingRolesRepository,
    MeetingRecordsRepository,
    GroupGoalsRepository,
    AccountabilityRepository,
    CommunityReportRepository,
    StudyGroupsService,
    GroupMembershipService,
    MeetingSeriesService,
    GroupMeetingsService,
    RoleRotationService,
    GroupGoalsService,
    AccountabilityService,
    CommunityReportService,
    StudyGroupUpkeepService,
    GroupNotifier,
    StudyGroupsLoader,
    GroupMeetingsLoader,
    GroupAccessGuard,
    StudyGroupsResolver,
    GroupMembersResolver,
    StudyGroupMeetingsResolver,
    GroupMeetingsResolver,
    MeetingRolesResolver,
    GroupGoalsResolver,
    AccountabilityResolver,
    CommunityReportResolver,
    GroupMemberUserResolver,
    RoleHolderResolver,
    AttendeeResolver,
    CheckInAuthorResolver,
    RoleTurnsUserResolver,
    PairMembersResolver,
    StudyGroupRosterRepository,
    StudyGroupRoster,
    MeetingRoleOffersRepository,
    MeetingRoleOffersService,
    MeetingRoleOffersResolver,
    MeetingRoleOfferPeopleResolver,
  ],
  exports: [StudyGroupUpkeepService, RoleRotationService, GroupMembershipService, StudyGroupRoster],
})
export class CommunitiesModule {}
