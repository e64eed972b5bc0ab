import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, notFound } from '../../../core/src/index.js';
import type { ActingContext } from '../acting-context.js';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { assertCohortStatus, PROPOSABLE } from '../cohorts/cohort-status.js';
import { CohortsRepository } from '../cohorts/cohorts.repository.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import { ApplicationStatus, MatchOverrideKind, MentoringRole } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import type { MatchProposal } from '../types/proposal.type.js';
import { MatchOverridesRepository, type PairKey } from './match-overrides.repository.js';
import { MatchingInputBuilder } from './matching-input.builder.js';
import { MatchingRunner } from './matching-runner.js';
import { toMatchProposal } from './proposal.mapper.js';

/**
 * Proposals and the admin's adjustments to them. A proposal is computed, never stored: it is a pure
 * function of the approved applications, the cohort's settings and the locks and exclusions, so what
 * the admin last saw is what `publishMatches` publishes (unless one of those changed in between).
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly overrides: MatchOverridesRepository,
    private readonly inputs: MatchingInputBuilder,
    private readonly audit: AuditService,
    private readonly matcher: MatchingRunner,
  ) {}

  propose(cohortId: string): Promise<MatchProposal> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.cohorts.lockForShare(manager, cohortId);
      if (!cohort) throw notFound('Cohort');
      assertCohortStatus(cohort, PROPOSABLE, 'propose matches');
      return this.proposalFor(manager, cohort);
    });
  }

  /** Fixes a pair: proposed whatever the score (and even when it breaks a matching rule, which the proposal reports). */
  lock(ctx: ActingContext, key: PairKey): Promise<MatchProposal> {
    return this.adjust(ctx, key, 'mentoring.match.lock', async (manager) => {
      const other = await this.overrides.lockOfMentee(manager, key.menteeApplicationId);
      if (other && other.mentorApplicationId !== key.mentorApplicationId) {
        throw mentoringConflict(MentoringErrorReason.MENTEE_ALREADY_LOCKED, 'The mentee is already locked to another mentor: unlock that pair first');
      }
      if (!other) {
        const mentor = await this.applications.findById(key.mentorApplicationId, manager);
        const locks = await this.overrides.countLocksOfMentor(manager, key.mentorApplicationId);
        if (mentor && locks >= mentor.capacity) {
          throw mentoringConflict(MentoringErrorReason.MENTOR_FULL, `The mentor takes ${mentor.capacity} mentee(s) and already has ${locks} locked`);
        }
      }
      await this.overrides.put(manager, key, MatchOverrideKind.LOCK, ctx.actor.id);
    });
  }

  /** Rules a pair out. */
  exclude(ctx: ActingContext, key: PairKey): Promise<MatchProposal> {
    return this.adjust(ctx, key, 'mentoring.match.exclude', async (manager) => {
      await this.overrides.put(manager, key, MatchOverrideKind.EXCLUDE, ctx.actor.id);
    });
  }

  /** Removes a lock or an exclusion: the matcher decides about the pair freely again. */
  unlock(ctx: ActingContext, key: PairKey): Promise<MatchProposal> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.cohorts.lockById(manager, key.cohortId);
      if (!cohort) throw notFound('Cohort');
      assertCohortStatus(cohort, PROPOSABLE, 'change the proposal');
      const removed = await this.overrides.remove(manager, key);
      if (removed) {
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'mentoring.match.unlock', targetType: 'Cohort', targetId: cohort.id,
          before: { ...key, kind: removed }, requestId: ctx.requestId,
        });
      }
      return this.proposalFor(manager, cohort);
    });
  }

  /** Computes the proposal inside the caller's transaction (which holds the cohort lock), in a worker thread. */
  async proposalFor(manager: EntityManager, cohort: MentoringCohortEntity): Promise<MatchProposal> {
    const data = await this.inputs.build(manager, cohort);
    return toMatchProposal(await this.matcher.run(data.input), data.applications, data.notes, data.input.excludedPairs);
  }

  /**
   * Locks the cohort row (so adjustments and publication queue up), checks the two applications,
   * applies the change and returns the new proposal, all in one transaction: if the proposal cannot
   * be made (e.g. locks that cannot all hold), the change is rolled back too.
   */
  private adjust(ctx: ActingContext, key: PairKey, action: string, change: (manager: EntityManager) => Promise<void>): Promise<MatchProposal> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.cohorts.lockById(manager, key.cohortId);
      if (!cohort) throw notFound('Cohort');
      assertCohortStatus(cohort, PROPOSABLE, 'change the proposal');
      await this.assertPairOfCohort(manager, key);
      await change(manager);
      await this.audit.record(manager, { actorId: ctx.actor.id, action, targetType: 'Cohort', targetId: cohort.id, after: { ...key }, requestId: ctx.requestId });
      return this.proposalFor(manager, cohort);
    });
  }

  private async assertPairOfCohort(manager: EntityManager, key: PairKey): Promise<void> {
    const mentor = await this.applications.findById(key.mentorApplicationId, manager);
    const mentee = await this.applications.findById(key.menteeApplicationId, manager);
    if (!mentor || mentor.cohortId !== key.cohortId) throw badInput('mentorApplicationId', 'is not an application to this cohort');
    if (mentor.role !== MentoringRole.MENTOR) throw badInput('mentorApplicationId', 'is not a mentor application');
    if (!mentee || mentee.cohortId !== key.cohortId) throw badInput('menteeApplicationId', 'is not an application to this cohort');
    if (mentee.role !== MentoringRole.MENTEE) throw badInput('menteeApplicationId', 'is not a mentee application');
    if (mentor.userId === mentee.userId) throw badInput('menteeApplicationId', "is the mentor's own mentee application");
    for (const application of [mentor, mentee]) {
      if (application.status !== ApplicationStatus.APPROVED) {
        throw mentoringConflict(MentoringErrorReason.WRONG_APPLICATION_STATUS, `Only approved applications can be paired; ${application.id} is ${application.status}`);
      }
    }
  }
}
