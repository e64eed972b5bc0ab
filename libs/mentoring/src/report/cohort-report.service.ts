import { Injectable } from '@nestjs/common';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { PairStatus } from '../mentoring.enums.js';
import { isAtRisk } from '../nudges/at-risk.js';
import { PairsRepository } from '../pairs/pairs.repository.js';
import type { CohortReport } from '../types/cohort-report.type.js';
import { CohortReportRepository } from './cohort-report.repository.js';

/** What an admin needs to run a cohort: how pairs are doing, who is at risk or unhappy, who is unmatched. */
@Injectable()
export class CohortReportService {
  constructor(
    private readonly report: CohortReportRepository,
    private readonly pairs: PairsRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async build(cohortId: string, now = new Date()): Promise<CohortReport> {
    const [pairs] = await this.pairs.byCohortIds([cohortId], null);
    const byId = new Map(pairs.map((p) => [p.id, p]));
    const activity = await this.report.activity(cohortId);
    const ratings = await this.report.ratings(cohortId);
    const flags = await this.report.flags(cohortId);
    const goals = await this.report.goals(cohortId);
    const unmatchedMentees = await this.applications.approvedMenteesWithoutPair(cohortId);
    const pairOf = (id: string): MentoringPairEntity => byId.get(id)!;
    return {
      pairsByStatus: Object.values(PairStatus).map((status) => ({ status, count: pairs.filter((p) => p.status === status).length })),
      checkInsPerPair: activity
        .map(({ pairId, ...row }) => ({ pair: pairOf(pairId), ...row }))
        .sort((a, b) => a.checkIns - b.checkIns || a.pair.createdAt.getTime() - b.pair.createdAt.getTime() || (a.pair.id < b.pair.id ? -1 : 1)),
      averageRating: ratings.average,
      feedbackCount: ratings.count,
      atRiskPairs: pairs.filter((p) => isAtRisk(p, now)),
      flaggedPairs: flags.map((flag) => ({ pair: pairOf(flag.pairId), flaggedById: flag.authorId, rating: flag.rating, comment: flag.comment, submittedAt: flag.submittedAt })),
      unmatchedMentees,
      goalsCompleted: goals.completed,
      goalsTotal: goals.total,
    };
  }
}
