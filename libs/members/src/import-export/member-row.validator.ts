import { isEmail } from 'class-validator';
import { DateTime } from 'luxon';
import { BillingInterval, MembershipStatus } from '../membership.enums.js';
import { type ImportProblem, type KnownColumn, SKILL_SEPARATOR } from './member-csv.columns.js';
import { type CsvRecord } from './member-csv.reader.js';

/** What the import needs to know about a tier. */
export interface ImportTier {
  id: string;
  name: string;
  active: boolean;
  billingInterval: BillingInterval;
  gracePeriodDays: number;
}

/** A row that passed every check, ready for the database. */
export interface MemberImportRow {
  line: number;
  email: string;
  fullName: string;
  tierId: string;
  status: MembershipStatus;
  currentPeriodEnd: Date | null;
  joinedAt: Date | null;
  graceEndsAt: Date | null;
  /** `import:<email>:<period end | lifetime>`, or null when the row records no period. */
  periodRef: string | null;
  headline: string | null;
  location: string | null;
  employer: string | null;
  skills: string[];
}

export type RowOutcome = { row: MemberImportRow; warnings: ImportProblem[] } | { errors: ImportProblem[]; warnings: ImportProblem[] };

const MAX_TEXT = 200;
const MAX_SKILLS = 50;
const MAX_SKILL_LENGTH = 60;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const STATUSES: ReadonlySet<string> = new Set(Object.values(MembershipStatus));

/**
 * Checks one row against the rules below and reports every problem it has (not just the first).
 *
 * Status (case-insensitive) and what it needs:
 *   ACTIVE            current_period_end, except on a LIFETIME tier where empty means "for life";
 *                     a date already past is a warning (the lifecycle job will move it to GRACE).
 *   GRACE             current_period_end (the period that ended); grace ends after the tier's grace days.
 *   LAPSED, CANCELLED current_period_end optional (when the last period ended).
 *   PENDING_PAYMENT, PENDING_APPROVAL, DECLINED
 *                     current_period_end must be empty: nothing has been paid for.
 * joined_at is required whenever a period is recorded (a period end, or ACTIVE for life), must not be
 * in the future, and must be before current_period_end. Dates are ISO 8601: `2026-03-01` (midnight
 * UTC) or a date-time with a zone (`2026-03-01T09:30:00Z`, `…+02:00`).
 * The tier must exist and be active (an inactive tier takes no new members, imported ones included).
 */
export function validateMemberRow(
  record: CsvRecord,
  columns: ReadonlySet<KnownColumn>,
  tiers: ReadonlyMap<string, ImportTier>,
  now: Date,
): RowOutcome {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const { line } = record;
  const fail = (column: KnownColumn, message: string) => errors.push({ line, column, message });
  const cell = (column: KnownColumn) => (record.cells[column] ?? '').trim();

  const email = cell('email').toLowerCase();
  if (!email) fail('email', 'is required');
  else if (email.length > 254 || !isEmail(email)) fail('email', `"${clip(email)}" is not a valid email address`);

  const fullName = cell('full_name');
  if (!fullName) fail('full_name', 'is required');
  else checkText('full_name', fullName, fail);

  const tierName = cell('tier');
  const tier = tierName ? tiers.get(tierName.toLowerCase()) : undefined;
  if (!tierName) fail('tier', 'is required (a tier name)');
  else if (!tier) fail('tier', `"${clip(tierName)}" is not a membership tier (known: ${[...new Set([...tiers.values()].map((t) => t.name))].join(', ') || 'none'})`);
  else if (!tier.active) fail('tier', `"${tier.name}" is inactive and takes no new members: reactivate it or use another tier`);

  const statusText = cell('status').toUpperCase();
  const status = STATUSES.has(statusText) ? (statusText as MembershipStatus) : undefined;
  if (!statusText) fail('status', `is required (one of ${[...STATUSES].join(', ')})`);
  else if (!status) fail('status', `"${clip(cell('status'))}" is not a status (one of ${[...STATUSES].join(', ')})`);

  const periodEnd = parseDate(cell('current_period_end'), 'current_period_end', fail);
  const joinedAt = parseDate(cell('joined_at'), 'joined_at', fail);
  const lifetime = tier?.billingInterval === BillingInterval.LIFETIME;

  if (status && periodEnd !== undefined) {
    switch (status) {
      case MembershipStatus.ACTIVE:
        if (periodEnd === null && tier && !lifetime) {
          fail('current_period_end', `is required for an ACTIVE membership of "${tier.name}" (billed ${tier.billingInterval.toLowerCase()}ly); leave it empty only on a lifetime tier`);
        } else if (periodEnd && periodEnd <= now) {
          warnings.push({ line, column: 'current_period_end', message: `is in the past for an ACTIVE membership; the lifecycle job will move it to GRACE` });
        }
        break;
      case MembershipStatus.GRACE:
        if (periodEnd === null) fail('current_period_end', 'is required for a GRACE membership (the end of the period that is due for renewal)');
        else if (periodEnd > now) warnings.push({ line, column: 'current_period_end', message: 'is in the future for a GRACE membership' });
        break;
      case MembershipStatus.PENDING_PAYMENT:
      case MembershipStatus.PENDING_APPROVAL:
      case MembershipStatus.DECLINED:
        if (periodEnd !== null) fail('current_period_end', `must be empty for a ${status} membership (no period has been paid for)`);
        break;
      default:
        break;
    }
  }
  const recordsPeriod = Boolean(status && periodEnd !== undefined && (periodEnd !== null || (status === MembershipStatus.ACTIVE && lifetime)));
  if (joinedAt !== undefined) {
    if (joinedAt === null && recordsPeriod) fail('joined_at', `is required for a ${status} membership with a period`);
    if (joinedAt && joinedAt > now) fail('joined_at', 'must not be in the future');
    if (joinedAt && periodEnd && joinedAt >= periodEnd) fail('joined_at', 'must be before current_period_end');
  }

  const headline = optionalText(record, columns, 'headline', fail);
  const location = optionalText(record, columns, 'location', fail);
  const employer = optionalText(record, columns, 'employer', fail);
  const skills = parseSkills(columns.has('skills') ? cell('skills') : '', fail);

  if (errors.length || !tier || !status || periodEnd === undefined || joinedAt === undefined) return { errors, warnings };
  const graceEndsAt =
    status === MembershipStatus.GRACE && periodEnd ? DateTime.fromJSDate(periodEnd, { zone: 'utc' }).plus({ days: tier.gracePeriodDays }).toJSDate() : null;
  return {
    row: {
      line,
      email,
      fullName,
      tierId: tier.id,
      status,
      currentPeriodEnd: periodEnd,
      joinedAt,
      graceEndsAt,
      periodRef: recordsPeriod ? `import:${email}:${periodEnd ? periodEnd.toISOString() : 'lifetime'}` : null,
      headline,
      location,
      employer,
      skills,
    },
    warnings,
  };
}

/** null: the cell is empty; undefined: it is not a date (and the problem was reported). */
function parseDate(text: string, column: KnownColumn, fail: (c: KnownColumn, m: string) => void): Date | null | undefined {
  if (!text) return null;
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) {
    const hint = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) ? ' (a date-time needs a time zone: Z or +hh:mm)' : ' (use YYYY-MM-DD or an ISO 8601 date-time with a zone)';
    fail(column, `"${clip(text)}" is not an ISO 8601 date${hint}`);
    return undefined;
  }
  const parsed = DateTime.fromISO(text, { zone: 'utc', setZone: true });
  if (!parsed.isValid) {
    fail(column, `"${clip(text)}" is not a real date (${parsed.invalidReason})`);
    return undefined;
  }
  const date = parsed.toJSDate();
  if (date.getTime() < EARLIEST || date.getTime() >= LATEST) {
    fail(column, `"${clip(text)}" is outside 1900–2199`);
    return undefined;
  }
  return date;
}

function checkText(column: KnownColumn, value: string, fail: (c: KnownColumn, m: string) => void): void {
  if (value.length > MAX_TEXT) fail(column, `is ${value.length} characters long; at most ${MAX_TEXT}`);
  if (CONTROL.test(value)) fail(column, 'contains a control character (such as a line break or NUL)');
}

function optionalText(record: CsvRecord, columns: ReadonlySet<KnownColumn>, column: KnownColumn, fail: (c: KnownColumn, m: string) => void): string | null {
  if (!columns.has(column)) return null;
  const value = (record.cells[column] ?? '').trim();
  if (!value) return null;
  checkText(column, value, fail);
  return value;
}

/** Stored like the profile form stores them: trimmed, lower-case, without duplicates. */
function parseSkills(text: string, fail: (c: KnownColumn, m: string) => void): string[] {
  if (!text) return [];
  const skills = [...new Set(text.split(SKILL_SEPARATOR).map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (skills.length > MAX_SKILLS) fail('skills', `has ${skills.length} skills; at most ${MAX_SKILLS}`);
  const long = skills.find((s) => s.length > MAX_SKILL_LENGTH);
  if (long) fail('skills', `"${clip(long)}" is longer than ${MAX_SKILL_LENGTH} characters`);
  if (skills.some((s) => CONTROL.test(s))) fail('skills', 'contains a control character');
  return skills;
}

/** Quotes user text in a message without echoing a megabyte back. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
