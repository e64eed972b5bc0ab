import { Module } from '@nestjs/common';
import { MembersModule } from '../../members/src/index.js';
import { ApplicationsListing } from './applications/applications-listing.js';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { ApplicationsResolver } from './applications/applications.resolver.js';
import { ApplicationsService } from './applications/applications.service.js';
import { CohortsRepository } from './cohorts/cohorts.repository.js';
import { CohortsResolver } from './cohorts/cohorts.resolver.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { MentoringCreditsRepository } from './credits/mentoring-credits.repository.js';
import { MentoringTranscriptSource } from './credits/mentoring-transcript.source.js';
import { MentoringLoader } from './mentoring.loader.js';
import { MentoringJobsRepository } from './nudges/mentoring-jobs.repository.js';
import { MentoringJobsService } from './nudges/mentoring-jobs.service.js';
import { CheckInsRepository } from './pairs/check-ins.repository.js';
import { CheckInsResolver } from './pairs/check-ins.resolver.js';
import { CheckInsService } from './pairs/check-ins.service.js';
import { FeedbackRepository } from './pairs/feedback.repository.js';
import { GoalsRepository } from './pairs/goals.repository.js';
import { GoalsResolver } from './pairs/goals.resolver.js';
import { GoalsService } from './pairs/goals.service.js';
import { PairNotifier } from './pairs/pair-notifier.js';
import { PairParticipantGuard } from './pairs/pair-participant.guard.js';
import { PairsRepository } from './pairs/pairs.repository.js';
import { PairsResolver } from './pairs/pairs.resolver.js';
import { PairsService } from './pairs/pairs.service.js';
import { ProgramsRepository } from './programs/programs.repository.js';
import { ProgramsResolver } from './programs/programs.resolver.js';
import { ProgramsService } from './programs/programs.service.js';
import { MatchOverridesRepository } from './proposals/match-overrides.repository.js';
import { MatchingInputBuilder } from './proposals/matching-input.builder.js';
import { MatchingRunner } from './proposals/matching-runner.js';
import { MatchingService } from './proposals/matching.service.js';
import { PreviousPairsRepository } from './proposals/previous-pairs.repository.js';
import { ProposalsResolver } from './proposals/proposals.resolver.js';
import { PublishService } from './proposals/publish.service.js';
import { Recipients } from './recipients.js';
import { MentoringRoster } from './roster/mentoring-roster.js';
import { MentoringRosterRepository } from './roster/mentoring-roster.repository.js';
import { CohortReportRepository } from './report/cohort-report.repository.js';
import { CohortReportResolver } from './report/cohort-report.resolver.js';
import { CohortReportService } from './report/cohort-report.service.js';
import { MentoringHealthReport } from './reports/mentoring-health.report.js';
import { MentoringHealthRepository } from './reports/mentoring-health.repository.js';
import { MentoringHealthResolver } from './reports/mentoring-health.resolver.js';
import { MentoringPersonalDataRepository } from './privacy/mentoring-personal-data.repository.js';

/** Mentoring programs in cohorts: applications, explainable matching, pairs with goals and check-ins, reports. */
@Module({
  imports: [MembersModule],
  providers: [
    MentoringHealthRepository,
    MentoringHealthReport,
    MentoringHealthResolver,
    MentoringPersonalDataRepository,
    ProgramsRepository,
    ProgramsService,
    ProgramsResolver,
    CohortsRepository,
    CohortsService,
    CohortsResolver,
    ApplicationsRepository,
    ApplicationsService,
    ApplicationsListing,
    ApplicationsResolver,
    MatchOverridesRepository,
    PreviousPairsRepository,
    MatchingInputBuilder,
    MatchingRunner,
    MatchingService,
    PublishService,
    ProposalsResolver,
    PairsRepository,
    PairsService,
    PairsResolver,
    PairNotifier,
    PairParticipantGuard,
    GoalsRepository,
    GoalsService,
    GoalsResolver,
    CheckInsRepository,
    CheckInsService,
    CheckInsResolver,
    FeedbackRepository,
    CohortReportRepository,
    CohortReportService,
    CohortReportResolver,
    Recipients,
    MentoringLoader,
    MentoringJobsRepository,
    MentoringJobsService,
    MentoringCreditsRepository,
    MentoringTranscriptSource,
    MentoringRosterRepository,
    MentoringRoster,
  ],
  exports: [MentoringTranscriptSource, MentoringJobsService, MentoringRoster],
})
export class MentoringModule {}
