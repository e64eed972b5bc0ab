/**
 * The member CSV format shared by import and export.
 *
 * Required: email, full_name, tier (a tier NAME), status, current_period_end, joined_at.
 * Optional: headline, location, employer, skills (separated by ";"). They fill the profile of
 * accounts the import creates; an existing account's profile belongs to its member and is never
 * overwritten by an import.
 * Any other column is reported as a warning and ignored.
 */
export const REQUIRED_COLUMNS = ['email', 'full_name', 'tier', 'status', 'current_period_end', 'joined_at'] as const;
export const PROFILE_COLUMNS = ['headline', 'location', 'employer', 'skills'] as const;
/** The order the export writes, which the import reads back. */
export const EXPORT_COLUMNS = [...REQUIRED_COLUMNS, ...PROFILE_COLUMNS] as const;

export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
export type KnownColumn = RequiredColumn | ProfileColumn;

/** Skills are one cell, separated by this character. */
export const SKILL_SEPARATOR = ';';

/** One problem with the file: the line (1 = header) and column it is on, when it is on one. */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/** What an import did, or would do (dry run), or why it did nothing (errors). */
export interface ImportReport {
  dryRun: boolean;
  /** Memberships created. */
  created: number;
  /** Memberships whose tier, status, period end or joining date changed. */
  updated: number;
  /** Rows that matched the database already. */
  unchanged: number;
  /** Accounts created (people not yet known by email). */
  accountsCreated: number;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export function emptyReport(dryRun: boolean): ImportReport {
  return { dryRun, created: 0, updated: 0, unchanged: 0, accountsCreated: 0, errors: [], warnings: [] };
}
