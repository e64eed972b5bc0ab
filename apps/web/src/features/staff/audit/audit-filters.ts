/** The audit log's filters as the address holds them (`?action=…&from=2026-01-31`), and as the API takes them. */
export const AUDIT_FILTERS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'until'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Record<AuditFilterName, string>;

export interface AuditVariables {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(AUDIT_FILTERS.map((name) => [name, params.get(name)?.trim() ?? ''])) as AuditFilters;
}

/** The API's variables: blank filters left out; dates are whole UTC days, `until` included. */
export function auditVariables(filters: AuditFilters): AuditVariables {
  const variables: AuditVariables = {};
  if (filters.action) variables.action = filters.action;
  if (filters.actorId) variables.actorId = filters.actorId;
  if (filters.targetType) variables.targetType = filters.targetType;
  if (filters.targetId) variables.targetId = filters.targetId;
  if (DAY.test(filters.from)) variables.from = `${filters.from}T00:00:00.000Z`;
  if (DAY.test(filters.until)) {
    const next = new Date(`${filters.until}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    if (!Number.isNaN(next.getTime())) variables.to = next.toISOString();
  }
  return variables;
}
