import { AppError, ErrorCode } from '../../core/src/index.js';

/** Machine-readable reasons (extensions.reason) for the mentoring feature's refusals. */
export enum MentoringErrorReason {
  PROGRAM_NAME_TAKEN = 'PROGRAM_NAME_TAKEN',
  COHORT_NAME_TAKEN = 'COHORT_NAME_TAKEN',
  WRONG_COHORT_STATUS = 'WRONG_COHORT_STATUS',
  APPLICATIONS_CLOSED = 'APPLICATIONS_CLOSED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  NOT_IN_GOOD_STANDING = 'NOT_IN_GOOD_STANDING',
  COHORT_FULL = 'COHORT_FULL',
  WRONG_APPLICATION_STATUS = 'WRONG_APPLICATION_STATUS',
  CONFLICTING_LOCKS = 'CONFLICTING_LOCKS',
  MENTEE_ALREADY_LOCKED = 'MENTEE_ALREADY_LOCKED',
  MENTOR_FULL = 'MENTOR_FULL',
  PAIR_NOT_ACTIVE = 'PAIR_NOT_ACTIVE',
  OWN_CHECK_IN = 'OWN_CHECK_IN',
  DUPLICATE_CHECK_IN = 'DUPLICATE_CHECK_IN',
  TOO_MANY_GOALS = 'TOO_MANY_GOALS',
  TOO_MANY_CHECK_INS = 'TOO_MANY_CHECK_INS',
}

export const mentoringConflict = (reason: MentoringErrorReason, message: string): AppError =>
  new AppError(ErrorCode.CONFLICT, message, { reason });
