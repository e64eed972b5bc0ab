import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, badInput, ErrorCode, forbidden, isUniqueViolation, notFound, OutboxService, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import { MembershipStandingPort } from '../../../members/src/index.js';
import type { ActingContext } from '../acting-context.js';
import { assertCohortStatus } from '../cohorts/cohort-status.js';
import { CohortsRepository } from '../cohorts/cohorts.repository.js';
import { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { ApplyToCohortInput } from '../inputs/application.input.js';
import { MAX_APPLICANTS_PER_ROLE } from '../mentoring.limits.js';
import { ApplicationStatus, CohortStatus, MentoringRole } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { MatchOverridesRepository } from '../proposals/match-overrides.repository.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { Recipients } from '../recipients.js';
import { ApplicationsRepository } from './applications.repository.js';

const REVIEWABLE_COHORT: readonly CohortStatus[] = [CohortStatus.APPLICATIONS_OPEN, CohortStatus.MATCHING];

/** Applying, withdrawing and reviewing. Every change locks the cohort first, then the application. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly cohorts: CohortsRepository,
    private readonly programs: ProgramsRepository,
    private readonly overrides: MatchOverridesRepository,
    private readonly standing: MembershipStandingPort,
    private readonly recipients: Recipients,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private async inGoodStanding(manager: EntityManager, userId: string): Promise<boolean> {
    const [standing] = await this.standing.of([userId], manager);
    return standing.inGoodStanding;
  }

  /**
   * One live application per person, cohort and role; at most MAX_APPLICANTS_PER_ROLE per role.
   * The cohort row is locked for update, so applications to one cohort queue up: the checks below
   * see every earlier application, and the partial unique index backs them up.
   */
  async apply(viewer: Viewer, input: ApplyToCohortInput): Promise<MentoringApplicationEntity> {
    if (input.role === MentoringRole.MENTEE && input.capacity !== undefined && input.capacity !== null && input.capacity !== 1) {
      throw badInput('input.capacity', 'must be 1 (or left out) for a mentee');
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const cohort = await this.cohorts.lockById(manager, input.cohortId);
        if (!cohort || (cohort.status === CohortStatus.DRAFT && !viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR))) throw badInput('input.cohortId', 'is not a cohort');
        this.assertOpen(cohort);
        const program = await this.programs.findById(cohort.programId, manager);
        if (program?.membersOnly && !(await this.inGoodStanding(manager, viewer.id))) {
          throw new AppError(ErrorCode.FORBIDDEN, 'This mentoring program is for members in good standing', { reason: MentoringErrorReason.NOT_IN_GOOD_STANDING });
        }
        if (await this.applications.findLive(manager, cohort.id, viewer.id, input.role)) throw this.alreadyApplied(input.role);
        if ((await this.applications.countPendingOrApproved(manager, cohort.id, input.role)) >= MAX_APPLICANTS_PER_ROLE) {
          throw mentoringConflict(MentoringErrorReason.COHORT_FULL, `The cohort already has ${MAX_APPLICANTS_PER_ROLE} ${input.role.toLowerCase()} applications`);
        }
        const application = await this.applications.insert(manager, {
          cohortId: cohort.id,
          userId: viewer.id,
          role: input.role,
          topics: input.topics,
          goals: input.goals ?? null,
          yearsOfExperience: input.yearsOfExperience,
          timezone: input.timezone,
          preferredFormat: input.preferredFormat,
          capacity: input.role === MentoringRole.MENTOR ? (input.capacity ?? 1) : 1,
        });
        await this.notify(manager, application, 'mentoring-application-received', `Your application to ${cohort.name}`,
          `Thank you for applying to ${cohort.name} as a ${input.role.toLowerCase()}. We will let you know when it has been reviewed.`,
          `mentoring-application-received:${application.id}`);
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'mentoring_applications_one_per_role_uq')) throw this.alreadyApplied(input.role);
      throw error;
    }
  }

  /** The applicant takes their application back (before pairs are published). Locks and exclusions on it go. */
  async withdraw(viewer: Viewer, applicationId: string): Promise<MentoringApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { cohort, application } = await this.lockWithCohort(manager, applicationId);
      if (application.userId !== viewer.id) {
        if (viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR)) throw forbidden('Only the applicant can withdraw an application; decline it instead');
        throw notFound('Application');
      }
      assertCohortStatus(cohort, [CohortStatus.DRAFT, CohortStatus.APPLICATIONS_OPEN, CohortStatus.MATCHING], 'withdraw an application');
      this.assertApplicationStatus(application, [ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED], 'withdrawn');
      application.status = ApplicationStatus.WITHDRAWN;
      await this.applications.save(manager, application);
      await this.overrides.deleteForApplication(manager, application.id);
      return application;
    });
  }

  /** Approve or decline; a decision can be changed until pairs are published. */
  async review(ctx: ActingContext, applicationId: string, approve: boolean, reason: string | null | undefined): Promise<MentoringApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { cohort, application } = await this.lockWithCohort(manager, applicationId);
      assertCohortStatus(cohort, REVIEWABLE_COHORT, 'review applications');
      this.assertApplicationStatus(application, [ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ApplicationStatus.DECLINED], 'reviewed');
      const to = approve ? ApplicationStatus.APPROVED : ApplicationStatus.DECLINED;
      if (approve) {
        const program = await this.programs.findById(cohort.programId, manager);
        if (program?.membersOnly && !(await this.inGoodStanding(manager, application.userId))) {
          throw mentoringConflict(MentoringErrorReason.NOT_IN_GOOD_STANDING, 'The applicant is no longer a member in good standing');
        }
      } else {
        await this.overrides.deleteForApplication(manager, application.id);
      }
      const before = { status: application.status };
      application.status = to;
      application.reviewReason = reason ?? null;
      application.reviewedAt = new Date();
      application.reviewedById = ctx.actor.id;
      await this.applications.save(manager, application);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: approve ? 'mentoring.application.approve' : 'mentoring.application.decline',
        targetType: 'MentoringApplication', targetId: application.id, before, after: { status: to, reason: reason ?? null }, requestId: ctx.requestId,
      });
      const role = application.role.toLowerCase();
      await this.notify(manager, application, approve ? 'mentoring-application-approved' : 'mentoring-application-declined',
        `Your ${role} application to ${cohort.name}`,
        approve
          ? `Your application to ${cohort.name} as a ${role} has been approved. We will tell you who you are paired with once matching is done.`
          : `We are sorry: your application to ${cohort.name} as a ${role} was not accepted.${reason ? `\n\nReason: ${reason}` : ''}`,
        `mentoring-application-reviewed:${application.id}:${application.reviewedAt.toISOString()}`);
      return application;
    });
  }

  private async lockWithCohort(manager: EntityManager, applicationId: string): Promise<{ cohort: MentoringCohortEntity; application: MentoringApplicationEntity }> {
    const found = await this.applications.findById(applicationId, manager);
    if (!found) throw notFound('Application');
    // Cohort first, then the application: the order every mentoring transaction takes its locks in.
    const cohort = await this.cohorts.lockForShare(manager, found.cohortId);
    const application = await this.applications.lockById(manager, applicationId);
    if (!cohort || !application) throw notFound('Application');
    return { cohort, application };
  }

  private assertOpen(cohort: MentoringCohortEntity): void {
    const closesPassed = cohort.applicationsCloseAt !== null && cohort.applicationsCloseAt.getTime() <= Date.now();
    if (cohort.status !== CohortStatus.APPLICATIONS_OPEN || closesPassed) {
      throw mentoringConflict(MentoringErrorReason.APPLICATIONS_CLOSED, `${cohort.name} is not taking applications`);
    }
  }

  private assertApplicationStatus(application: MentoringApplicationEntity, allowed: ApplicationStatus[], verb: string): void {
    if (!allowed.includes(application.status)) {
      throw mentoringConflict(MentoringErrorReason.WRONG_APPLICATION_STATUS, `A ${application.status} application cannot be ${verb}`);
    }
  }

  private alreadyApplied(role: MentoringRole): AppError {
    return mentoringConflict(MentoringErrorReason.ALREADY_APPLIED, `You have already applied to this cohort as a ${role.toLowerCase()}`);
  }

  private async notify(manager: EntityManager, application: MentoringApplicationEntity, template: string, subject: string, text: string, dedupeKey: string): Promise<void> {
    const [person] = await this.recipients.byIds(manager, [application.userId]);
    if (!person) return;
    await this.outbox.enqueue(manager, { to: person.email, recipientUserId: person.id, template, subject, text: `Dear ${person.fullName},\n\n${text}`, dedupeKey });
  }
}
