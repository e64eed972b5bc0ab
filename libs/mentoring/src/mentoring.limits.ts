/** The limits of the mentoring feature, in one place. */

/** Approved-or-pending applications per role in one cohort: keeps proposals fast and every cohort list bounded. */
export const MAX_APPLICANTS_PER_ROLE = 1000;

export const MAX_GOALS_PER_PAIR = 20;

export const MAX_CHECK_INS_PER_PAIR = 200;

/** A pair with no check-in for this long is at risk (and nudged once per such window). */
export const AT_RISK_DAYS = 21;

export const AT_RISK_MS = AT_RISK_DAYS * 86_400_000;

/** A check-in may be logged up to this far in the future (clock skew between devices). */
export const CHECK_IN_CLOCK_SKEW_MS = 5 * 60_000;
