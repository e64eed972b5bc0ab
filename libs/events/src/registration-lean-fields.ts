/**
 * Registration fields answered from a registration's lean columns (id, event, owner, status, created_at: LEAN_FIELDS of
 * registrations.repository) or from loaders. Any other field asked for (a price, a time, a code, a waitlist place, or a
 * field added later) makes a read take every column: the lean read is an allow-list, so it can only read too much.
 */
export const LEAN_FIELDS_ASKED: ReadonlySet<string> = new Set(['__typename', 'id', 'status', 'createdAt', 'event', 'user', 'attendance', 'creditsEarned', 'certificateUrl']);

/** Whether the Registration fields `asked` (the names under a registration field) are all answered from the lean columns. */
export function leanRegistrationAsked(asked: ReadonlySet<string>): boolean {
  for (const field of asked) if (!LEAN_FIELDS_ASKED.has(field)) return false;
  return true;
}
