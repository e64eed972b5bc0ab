/** One problem with an import file: its line (1 = header) and column when it is on one. */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/** What `POST /admin/members/import` did, or would do (dry run), or why it did nothing (errors). */
export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  accountsCreated: number;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

const isProblem = (value: unknown): value is ImportProblem => {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (p.line === null || typeof p.line === 'number') && (p.column === null || typeof p.column === 'string') && typeof p.message === 'string';
};

/** The report in the API's answer (200, or 400 with errors), or null when the answer is something else. */
export function readImportReport(body: unknown): ImportReport | null {
  if (!body || typeof body !== 'object') return null;
  const r = body as Record<string, unknown>;
  const counts = ['created', 'updated', 'unchanged', 'accountsCreated'] as const;
  if (typeof r.dryRun !== 'boolean' || counts.some((name) => typeof r[name] !== 'number')) return null;
  if (!Array.isArray(r.errors) || !r.errors.every(isProblem) || !Array.isArray(r.warnings) || !r.warnings.every(isProblem)) return null;
  return {
    dryRun: r.dryRun,
    created: r.created as number,
    updated: r.updated as number,
    unchanged: r.unchanged as number,
    accountsCreated: r.accountsCreated as number,
    errors: r.errors,
    warnings: r.warnings,
  };
}

/** The message of an answer that is not a report (e.g. 415 wrong type): Nest's `message`, when it is text. */
export function answerMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const message = (body as Record<string, unknown>).message;
  return typeof message === 'string' ? message : null;
}
