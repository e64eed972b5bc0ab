export enum MatchingErrorCode {
  /** Malformed input: duplicate application ids, bad weights, capacities or settings. */
  INVALID_MATCHING_INPUT = 'INVALID_MATCHING_INPUT',
  /** Locked pairs that cannot all hold: unknown application, mentee locked twice, mentor over capacity… */
  CONFLICTING_LOCKS = 'CONFLICTING_LOCKS',
}

/** Thrown by the matcher; `issues` lists every problem found, not just the first. */
export class MatchingError extends Error {
  override readonly name = 'MatchingError';

  constructor(
    readonly code: MatchingErrorCode,
    readonly issues: readonly string[],
  ) {
    super(`${code}: ${issues.join('; ')}`);
  }
}
