import { AppError, ErrorCode } from '../../../core/src/index.js';
import { MatchingError, MatchingErrorCode, proposeMatching, type MatchingInput, type MatchingResult } from '../matching/index.js';
import { MentoringErrorReason } from '../mentoring.errors.js';

/**
 * Runs the optimal matcher. Locks that cannot all hold are the admin's to fix (CONFLICT, listing every
 * problem); malformed input cannot come from the database's constrained rows, so it stays an internal error.
 */
export function runMatching(input: MatchingInput): MatchingResult {
  try {
    return proposeMatching(input);
  } catch (error) {
    if (error instanceof MatchingError && error.code === MatchingErrorCode.CONFLICTING_LOCKS) {
      throw new AppError(ErrorCode.CONFLICT, `Locked pairs cannot all hold: ${error.issues.join('; ')}`, { reason: MentoringErrorReason.CONFLICTING_LOCKS });
    }
    throw error;
  }
}
