import { Module } from '@nestjs/common';
import { MemberSearchRepository } from './directory/member-search.repository.js';
import { MemberExportRepository } from './import-export/member-export.repository.js';
import { MemberExportService } from './import-export/member-export.service.js';
import { MemberImportExportController } from './import-export/member-import-export.controller.js';
import { MemberImportRepository } from './import-export/member-import.repository.js';
import { MemberImportService } from './import-export/member-import.service.js';
import { MembershipLifecycleService } from './lifecycle/membership-lifecycle.service.js';
import { MembershipStatsService } from './membership-stats.service.js';
import { MembersLoader } from './members.loader.js';
import { MembershipsRepository } from './memberships.repository.js';
import { MembershipsResolver } from './memberships.resolver.js';
import { MembershipsService } from './memberships.service.js';
import { MembershipChangesService } from './membership-changes.service.js';
import { ProfileService } from './profile.service.js';
import { ProfileFieldsResolver } from './profile-fields.resolver.js';
import { MemberProfilesRepository } from './member-profiles.repository.js';
import { TiersRepository } from './tiers.repository.js';
import { TiersResolver } from './tiers.resolver.js';
import { TiersService } from './tiers.service.js';
import { UsersDirectoryResolver } from './users-directory.resolver.js';
import { MembersReports } from './reports/members-reports.js';
import { MembersReportsRepository } from './reports/members-reports.repository.js';
import { MembersReportsResolver } from './reports/members-reports.resolver.js';
import { MembershipStandingPort } from './standing/membership-standing.js';
import { MembershipStandingService } from './standing/membership-standing.service.js';
import { MembersPersonalDataRepository } from './privacy/members-personal-data.repository.js';
import { MemberHistoryRepository } from './staff/member-history.repository.js';
import { MemberHistoryResolver } from './staff/member-history.resolver.js';

@Module({
  controllers: [MemberImportExportController],
  providers: [
    MembersPersonalDataRepository,
    TiersRepository,
    TiersService,
    TiersResolver,
    MembershipsRepository,
    MembershipsService,
    MembershipChangesService,
    MembershipsResolver,
    MembersLoader,
    MemberSearchRepository,
    MembershipStatsService,
    ProfileService,
    MemberProfilesRepository,
    ProfileFieldsResolver,
    UsersDirectoryResolver,
    MembershipLifecycleService,
    MemberImportRepository,
    MemberImportService,
    MemberExportRepository,
    MemberExportService,
    MembershipStandingService,
    MembersReportsRepository,
    MembersReports,
    MembersReportsResolver,
    { provide: MembershipStandingPort, useExisting: MembershipStandingService },
    MemberHistoryRepository,
    MemberHistoryResolver,
  ],
  exports: [ProfileService, TiersService, MembershipStandingPort, MembershipChangesService, MembershipsService, MembershipsRepository, TiersRepository, MembersLoader, MembershipLifecycleService, MemberImportService, MemberExportService],
})
export class MembersModule {}
