export * from './mentoring.enums.js';
export * from './mentoring.errors.js';
export * from './mentoring.limits.js';
export * from './mentoring.module.js';
export * from './nudges/mentoring-jobs.service.js';
export * from './credits/mentoring-transcript.source.js';
export * from './roster/mentoring-roster.js';
export { Cohort } from './types/cohort.type.js';
export { MentoringPair } from './types/pair.type.js';

import { MatchOverrideEntity } from './entities/match-override.entity.js';
import { MentoringApplicationEntity } from './entities/mentoring-application.entity.js';
import { MentoringCheckInEntity } from './entities/mentoring-check-in.entity.js';
import { MentoringCohortEntity } from './entities/mentoring-cohort.entity.js';
import { MentoringGoalEntity } from './entities/mentoring-goal.entity.js';
import { MentoringPairFeedbackEntity } from './entities/mentoring-pair-feedback.entity.js';
import { MentoringPairEntity } from './entities/mentoring-pair.entity.js';
import { MentoringProgramEntity } from './entities/mentoring-program.entity.js';
export const MENTORING_ENTITIES = [
  MentoringProgramEntity,
  MentoringCohortEntity,
  MentoringApplicationEntity,
  MatchOverrideEntity,
  MentoringPairEntity,
  MentoringGoalEntity,
  MentoringCheckInEntity,
  MentoringPairFeedbackEntity,
];
