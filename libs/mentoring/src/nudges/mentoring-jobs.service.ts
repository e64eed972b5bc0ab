import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobRegistry, OutboxService } from '../../../core/src/index.js';
import { AT_RISK_DAYS } from '../mentoring.limits.js';
import { type Recipient, Recipients } from '../recipients.js';
import { MentoringJobsRepository, type QuietPair } from './mentoring-jobs.repository.js';

export const MENTORING_TASK = 'mentoring-daily';

const BATCH = 500;

export interface MentoringJobReport {
  closedCohorts: number;
  completedCohorts: number;
  completedPairs: number;
  nudgesSent: number;
}

/**
 * Moves mentoring along as time passes (hourly):
 * - open cohorts whose applicationsCloseAt passed → MATCHING;
 * - active cohorts whose endsAt passed → COMPLETED, with their still-active pairs;
 * - pairs without a check-in for 21 days get one nudge, to both sides, per 21-day window.
 *
 * Safe to run from several processes at once: status moves re-check the status in their UPDATE, and
 * every nudge has a dedupe key (pair, start of the quiet spell, window number, side), so it is written
 * once however often the job runs.
 */
@Injectable()
export class MentoringJobsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobsRepository: MentoringJobsRepository,
    private readonly outbox: OutboxService,
    private readonly jobs: JobRegistry,
    private readonly recipients: Recipients,
  ) {}

  onModuleInit(): void {
    this.jobs.register(MENTORING_TASK, async () => {
      await this.run();
    });
    this.jobs.schedule(MENTORING_TASK, '41 * * * *');
  }

  async run(now = new Date()): Promise<MentoringJobReport> {
    const closedCohorts = await this.jobsRepository.closeDueCohorts(now);
    const completed = await this.dataSource.transaction((manager) => this.jobsRepository.completeEndedCohorts(manager, now));
    return { closedCohorts, completedCohorts: completed.cohorts, completedPairs: completed.pairs, nudgesSent: await this.nudgeQuietPairs(now) };
  }

  private async nudgeQuietPairs(now: Date): Promise<number> {
    let sent = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const due = await this.jobsRepository.quietPairs(now, AT_RISK_DAYS, afterId, BATCH);
      if (!due.length) break;
      afterId = due[due.length - 1].id;
      sent += await this.dataSource.transaction(async (manager) => {
        let written = 0;
        const people = new Map((await this.recipients.byIds(manager, due.flatMap((p) => [p.mentorUserId, p.menteeUserId]))).map((r) => [r.id, r]));
        for (const pair of due) {
          const mentor = people.get(pair.mentorUserId);
          const mentee = people.get(pair.menteeUserId);
          if (mentor && mentee) written += await this.nudge(manager, pair, mentor, mentee);
        }
        return written;
      });
    }
    return sent;
  }

  private async nudge(manager: EntityManager, pair: QuietPair, mentor: Recipient, mentee: Recipient): Promise<number> {
    const key = `mentoring-at-risk:${pair.id}:${pair.anchor.toISOString()}:${pair.quietWindows}`;
    const days = pair.quietWindows * AT_RISK_DAYS;
    let written = 0;
    for (const [me, other, side] of [
      [mentor, mentee.fullName, 'mentor'],
      [mentee, mentor.fullName, 'mentee'],
    ] as const) {
      const wrote = await this.outbox.enqueue(manager, {
        to: me.email,
        recipientUserId: me.id,
        template: 'mentoring-at-risk',
        subject: `Time to catch up with ${other}`,
        text:
          `Dear ${me.fullName},\n\nIt has been ${days} days or more since your last logged check-in with ${other} in ${pair.cohortName}. ` +
          'Pick a time to meet, and log the check-in afterwards. If the relationship is not working, you can end it and tell us why.',
        dedupeKey: `${key}:${side}`,
      });
      if (wrote) written += 1;
    }
    return written;
  }
}
