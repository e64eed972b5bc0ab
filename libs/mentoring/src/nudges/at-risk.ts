import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { PairStatus } from '../mentoring.enums.js';
import { AT_RISK_MS } from '../mentoring.limits.js';

/** When the at-risk clock started: the latest check-in, or the pair's start. */
export const atRiskSince = (pair: Pick<MentoringPairEntity, 'lastCheckInAt' | 'startedAt'>): Date => pair.lastCheckInAt ?? pair.startedAt;

/** An active pair with no check-in for 21 days. */
export const isAtRisk = (pair: Pick<MentoringPairEntity, 'status' | 'lastCheckInAt' | 'startedAt'>, now: Date): boolean =>
  pair.status === PairStatus.ACTIVE && now.getTime() - atRiskSince(pair).getTime() >= AT_RISK_MS;
