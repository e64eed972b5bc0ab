/**
 * The matcher as a worker-thread task (see `MatchingRunner`): the input and the result cross the thread
 * boundary as plain data (structured clone). A {@link MatchingError} comes back as data too, since an
 * error's own fields (code, issues) do not survive the clone; any other error rejects the task.
 */
import { MatchingError, type MatchingErrorCode } from './matching.errors.js';
import { proposeMatching } from './propose-matching.js';
import type { MatchingInput, MatchingResult } from './types.js';

export type MatchingTaskOutcome =
  | { readonly ok: true; readonly result: MatchingResult }
  | { readonly ok: false; readonly code: MatchingErrorCode; readonly issues: readonly string[] };

export default function proposeMatchingTask(input: MatchingInput): MatchingTaskOutcome {
  try {
    return { ok: true, result: proposeMatching(input) };
  } catch (error) {
    if (error instanceof MatchingError) return { ok: false, code: error.code, issues: error.issues };
    throw error;
  }
}
