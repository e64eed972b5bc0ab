/** A delivery is retried for this long after it was (re)queued, then given up. */
export const RETRY_WINDOW_MS = 3 * 86_400_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 3_600_000;

/**
 * Exponential backoff: 30 s, 1 min, 2 min, … doubling to at most 6 h between attempts, with up to 10 %
 * jitter so a receiver coming back is not hit by every delivery at once. `attempts` counts those made.
 * Null once the next attempt would fall outside the retry window.
 */
export function nextAttemptAt(attempts: number, windowStart: Date, now: Date, random = Math.random): Date | null {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  const at = new Date(now.getTime() + wait + Math.floor(wait * 0.1 * random()));
  return at.getTime() - windowStart.getTime() > RETRY_WINDOW_MS ? null : at;
}
