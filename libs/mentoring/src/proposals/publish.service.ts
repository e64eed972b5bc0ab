import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, DomainEvents, notFound, OutboxService } from '../../../core/src/index.js';
import type { ActingContext } from '../acting-context.js';
import { assertCohortStatus } from '../cohorts/cohort-status.js';
import { CohortsRepository } from '../cohorts/cohorts.repository.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import type { MatchingResult } from '../matching/index.js';
import { CohortStatus } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { type NewPair, PairsRepository } from '../pairs/pairs.repository.js';
import { type Recipient, Recipients } from '../recipients.js';
import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import { MatchingInputBuilder } from './matching-input.builder.js';
import { MatchingRunner } from './matching-runner.js';

/**
 * Publishing turns the current proposal into pairs, in one transaction that holds the cohort row
 * lock: a second publish (even at the same moment) waits, then finds the cohort ACTIVE and is refused.
 */
@Injectable()
export class PublishService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortsRepository,
    private readonly pairs: PairsRepository,
    private readonly inputs: MatchingInputBuilder,
    private readonly recipients: Recipients,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly domainEvents: DomainEvents,
    private readonly matcher: MatchingRunner,
  ) {}

  async publish(ctx: ActingContext, cohortId: string): Promise<MentoringPairEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.cohorts.lockById(manager, cohortId);
      if (!cohort) throw notFound('Cohort');
      assertCohortStatus(cohort, [CohortStatus.MATCHING], 'publish matches (close applications first; a cohort is published once)');
      const data = await this.inputs.build(manager, cohort);
      const result = await this.matcher.run(data.input);
      if (!result.pairs.length) throw mentoringConflict(MentoringErrorReason.WRONG_COHORT_STATUS, 'There are no pairs to publish');

      const now = new Date();
      const startedAt = cohort.startsAt.getTime() > now.getTime() ? cohort.startsAt : now;
      const pairs = await this.pairs.insertMany(manager, this.newPairs(cohort, result, data.applications, startedAt));
      cohort.status = CohortStatus.ACTIVE;
      cohort.publishedAt = now;
      await this.cohorts.save(manager, cohort);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'mentoring.cohort.publish', targetType: 'Cohort', targetId: cohort.id,
        before: { status: CohortStatus.MATCHING },
        after: { status: CohortStatus.ACTIVE, pairs: pairs.length, unmatched: result.unmatched.length, totalScore: result.totalScore },
        requestId: ctx.requestId,
      });
      await this.tellEveryone(manager, cohort, pairs, result, data.applications);
      for (const pair of pairs) {
        await this.domainEvents.record(manager, 'mentoring.pair.published', {
          pairId: pair.id, cohortId: pair.cohortId, mentorUserId: pair.mentorUserId, menteeUserId: pair.menteeUserId,
        });
      }
      return pairs;
    });
  }

  /** Each mentor's pairs take slots 1, 2, … (the database refuses a slot beyond the mentor's capacity). */
  private newPairs(cohort: MentoringCohortEntity, result: MatchingResult, applications: ReadonlyMap<string, MentoringApplicationEntity>, startedAt: Date): NewPair[] {
    const slots = new Map<string, number>();
    return result.pairs.map((pair) => {
      const mentor = applications.get(pair.mentorApplicationId)!;
      const mentee = applications.get(pair.menteeApplicationId)!;
      const slot = (slots.get(mentor.id) ?? 0) + 1;
      slots.set(mentor.id, slot);
      return {
        cohortId: cohort.id,
        mentorApplicationId: mentor.id,
        mentorCapacity: mentor.capacity,
        mentorSlot: slot,
        menteeApplicationId: mentee.id,
        mentorUserId: mentor.userId,
        menteeUserId: mentee.userId,
        score: pair.score,
        breakdown: pair.breakdown,
        locked: pair.locked,
        startedAt,
      };
    });
  }

  /** Both sides of every pair hear who they are paired with; approved applicants left out hear that too. */
  private async tellEveryone(
    manager: EntityManager,
    cohort: MentoringCohortEntity,
    pairs: MentoringPairEntity[],
    result: MatchingResult,
    applications: ReadonlyMap<string, MentoringApplicationEntity>,
  ): Promise<void> {
    const unmatched = result.unmatched.map((entry) => applications.get(entry.applicationId)!);
    const userIds = [...new Set([...pairs.flatMap((p) => [p.mentorUserId, p.menteeUserId]), ...unmatched.map((a) => a.userId)])];
    const people = new Map((await this.recipients.byIds(manager, userIds)).map((r) => [r.id, r]));
    const send = async (to: Recipient | undefined, template: string, subject: string, text: string, dedupeKey: string) => {
      if (!to) return;
      await this.outbox.enqueue(manager, { to: to.email, recipientUserId: to.id, template, subject, text: `Dear ${to.fullName},\n\n${text}`, dedupeKey });
    };
    const start = cohort.startsAt.toISOString().slice(0, 10);
    for (const pair of pairs) {
      const mentor = people.get(pair.mentorUserId);
      const mentee = people.get(pair.menteeUserId);
      await send(mentor, 'mentoring-matched-mentor', `You are mentoring ${mentee?.fullName ?? 'a new mentee'} in ${cohort.name}`,
        `You have been paired with ${mentee?.fullName ?? 'your mentee'} as their mentor in ${cohort.name}, starting ${start}. Agree on goals at your first meeting, and log each check-in.`,
        `mentoring-matched:${pair.id}:mentor`);
      await send(mentee, 'mentoring-matched-mentee', `Your mentor in ${cohort.name} is ${mentor?.fullName ?? 'ready'}`,
        `You have been paired with ${mentor?.fullName ?? 'your mentor'} in ${cohort.name}, starting ${start}. Agree on goals at your first meeting, and log each check-in.`,
        `mentoring-matched:${pair.id}:mentee`);
    }
    for (const application of unmatched) {
      await send(people.get(application.userId), 'mentoring-not-matched', `${cohort.name}: no match this time`,
        `Thank you for applying to ${cohort.name} as a ${application.role.toLowerCase()}. We could not find a good match for you in this cohort; we hope to see you in the next one.`,
        `mentoring-not-matched:${application.id}`);
    }
  }
}
