import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipStandingPort, ProfileService } from '../../../members/src/index.js';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { ApplicationPair, MatchingApplication, MatchingInput } from '../matching/index.js';
import { MatchOverrideKind } from '../mentoring.enums.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { MatchOverridesRepository } from './match-overrides.repository.js';
import { PreviousPairsRepository } from './previous-pairs.repository.js';

export interface CohortMatchingData {
  input: MatchingInput;
  /** The applications in the input, by id (to show them in the proposal without reading them again). */
  applications: ReadonlyMap<string, MentoringApplicationEntity>;
  /** Notes about what was left out before matching. */
  notes: string[];
}

/**
 * Reads everything a cohort's proposal depends on, inside the caller's transaction: approved
 * applications (with the applicant's employer from their profile), pairs of the program's other
 * cohorts, the cohort's weights and rules, and the admins' locks and exclusions.
 */
@Injectable()
export class MatchingInputBuilder {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly previousPairs: PreviousPairsRepository,
    private readonly overrides: MatchOverridesRepository,
    private readonly standing: MembershipStandingPort,
    private readonly profiles: ProfileService,
  ) {}

  /** Approved applications with each applicant's employer (from their profile, asked of members). */
  private async approvedWithEmployer(manager: EntityManager, cohortId: string): Promise<Array<{ application: MentoringApplicationEntity; employer: string | null }>> {
    const applications = await this.applications.approved(manager, cohortId);
    const employers = await this.profiles.employers([...new Set(applications.map((a) => a.userId))], manager);
    return applications.map((application) => ({ application, employer: employers.get(application.userId) ?? null }));
  }

  async build(manager: EntityManager, cohort: MentoringCohortEntity): Promise<CohortMatchingData> {
    const notes: string[] = [];
    const program = await this.programs.findById(cohort.programId, manager);
    let approved = await this.approvedWithEmployer(manager, cohort.id);
    if (program?.membersOnly && approved.length) {
      const standings = await this.standing.of([...new Set(approved.map((a) => a.application.userId))], manager);
      const inGoodStanding = new Set(standings.filter((s) => s.inGoodStanding).map((s) => s.userId));
      const left = approved.filter((a) => !inGoodStanding.has(a.application.userId));
      if (left.length) {
        notes.push(`${left.length} approved application(s) were left out: the applicant is no longer a member in good standing.`);
        approved = approved.filter((a) => inGoodStanding.has(a.application.userId));
      }
    }
    const applications = new Map(approved.map((a) => [a.application.id, a.application]));
    const locked: ApplicationPair[] = [];
    const excluded: ApplicationPair[] = [];
    for (const override of await this.overrides.forCohort(manager, cohort.id)) {
      if (!applications.has(override.mentorApplicationId) || !applications.has(override.menteeApplicationId)) continue;
      const pair = { mentorApplicationId: override.mentorApplicationId, menteeApplicationId: override.menteeApplicationId };
      (override.kind === MatchOverrideKind.LOCK ? locked : excluded).push(pair);
    }
    const input: MatchingInput = {
      applications: approved.map(({ application, employer }) => toMatchingApplication(application, employer)),
      weights: {
        topics: cohort.weightTopics,
        goals: cohort.weightGoals,
        experienceGap: cohort.weightExperienceGap,
        timezone: cohort.weightTimezone,
        format: cohort.weightFormat,
      },
      settings: {
        forbidSameEmployer: cohort.forbidSameEmployer,
        minExperienceGapYears: cohort.minExperienceGapYears,
        allowRepeatPairs: cohort.allowRepeatPairs,
      },
      previousPairs: cohort.allowRepeatPairs ? [] : await this.previousPairs.forProgram(manager, cohort.programId, cohort.id),
      lockedPairs: locked,
      excludedPairs: excluded,
      // Offsets are compared at the cohort's start, so a proposal is the same whenever it is computed.
      now: cohort.startsAt,
    };
    return { input, applications, notes };
  }
}

function toMatchingApplication(application: MentoringApplicationEntity, employer: string | null): MatchingApplication {
  return {
    applicationId: application.id,
    userId: application.userId,
    role: application.role,
    topics: application.topics,
    goals: application.goals,
    yearsOfExperience: application.yearsOfExperience,
    timezone: application.timezone,
    preferredFormat: application.preferredFormat,
    capacity: application.capacity,
    employer,
  };
}
