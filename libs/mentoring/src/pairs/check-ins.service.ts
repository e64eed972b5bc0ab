import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, isUniqueViolation, notFound, type Viewer } from '../../../core/src/index.js';
import { CohortsRepository } from '../cohorts/cohorts.repository.js';
import { creditsFor } from '../credits/credits-for.js';
import type { MentoringCheckInEntity } from '../entities/mentoring-check-in.entity.js';
import type { CheckInInput } from '../inputs/check-in.input.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { CHECK_IN_CLOCK_SKEW_MS, MAX_CHECK_INS_PER_PAIR } from '../mentoring.limits.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { CheckInsRepository } from './check-ins.repository.js';
import { PairNotifier } from './pair-notifier.js';
import { PairsRepository } from './pairs.repository.js';
import { PairsService } from './pairs.service.js';

/** One side logs a meeting; the other confirms it, and both earn CE credits for it. */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkIns: CheckInsRepository,
    private readonly pairs: PairsService,
    private readonly pairRows: PairsRepository,
    private readonly cohorts: CohortsRepository,
    private readonly programs: ProgramsRepository,
    private readonly notifier: PairNotifier,
  ) {}

  async log(viewer: Viewer, pairId: string, input: CheckInInput): Promise<MentoringCheckInEntity> {
    if (input.happenedAt.getTime() > Date.now() + CHECK_IN_CLOCK_SKEW_MS) throw badInput('input.happenedAt', 'must not be in the future');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const pair = await this.pairs.lockForParticipant(manager, viewer, pairId, false);
        this.pairs.assertActive(pair, 'log a check-in');
        if (input.happenedAt.getTime() < pair.createdAt.getTime()) throw badInput('input.happenedAt', 'must be after the pair was formed');
        if ((await this.checkIns.countForPair(manager, pair.id)) >= MAX_CHECK_INS_PER_PAIR) {
          throw mentoringConflict(MentoringErrorReason.TOO_MANY_CHECK_INS, `A pair can log at most ${MAX_CHECK_INS_PER_PAIR} check-ins`);
        }
        const checkIn = await this.checkIns.insert(manager, {
          pairId: pair.id,
          loggedById: viewer.id,
          happenedAt: input.happenedAt,
          durationMinutes: input.durationMinutes,
          notes: input.notes ?? null,
          nextSteps: input.nextSteps ?? null,
        });
        await this.pairRows.touchLastCheckIn(manager, pair.id, input.happenedAt);
        await this.notifier.tell(manager, pair, [pair.mentorUserId === viewer.id ? 'mentee' : 'mentor'], {
          template: 'mentoring-check-in-to-confirm',
          subject: 'Please confirm your mentoring check-in',
          text: (other) =>
            `${other} logged a ${input.durationMinutes}-minute check-in on ${input.happenedAt.toISOString().slice(0, 10)}. ` +
            'Please confirm it: confirmed hours count as CE credits for both of you.',
          dedupeKey: `mentoring-check-in-logged:${checkIn.id}`,
        });
        return checkIn;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'mentoring_check_ins_pair_time_uq')) {
        throw mentoringConflict(MentoringErrorReason.DUPLICATE_CHECK_IN, 'A check-in at that time is already logged for this pair: confirm it instead');
      }
      throw error;
    }
  }

  /**
   * The side that did not log the check-in confirms it; the credits are fixed now from the program's
   * rate. Confirming again changes nothing.
   */
  async confirm(viewer: Viewer, checkInId: string): Promise<MentoringCheckInEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.checkIns.findById(checkInId, manager);
      if (!found) throw notFound('Check-in');
      const pair = await this.pairs.lockForParticipant(manager, viewer, found.pairId, false);
      const checkIn = await this.checkIns.lockById(manager, checkInId);
      if (!checkIn) throw notFound('Check-in');
      if (checkIn.loggedById === viewer.id) {
        throw new AppError(ErrorCode.FORBIDDEN, 'The other side of the pair confirms a check-in', { reason: MentoringErrorReason.OWN_CHECK_IN });
      }
      if (checkIn.confirmedAt) return checkIn;
      const cohort = await this.cohorts.findById(pair.cohortId, manager);
      const program = cohort ? await this.programs.findById(cohort.programId, manager) : null;
      checkIn.confirmedAt = new Date();
      checkIn.confirmedById = viewer.id;
      checkIn.credits = creditsFor(checkIn.durationMinutes, program?.ceCreditsPerHour ?? 0);
      return this.checkIns.save(manager, checkIn);
    });
  }
}
