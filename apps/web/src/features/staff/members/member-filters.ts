import type { MembershipStatus } from './members.generated.js';

/** The member search's filters as the address holds them (`?q=ada&status=LAPSED&joinedFrom=2026-01-01`), and as the API takes them. */
export const MEMBER_FILTERS = ['q', 'status', 'tierId', 'joinedFrom', 'joinedUntil', 'lapsedFrom', 'lapsedUntil'] as const;
export type MemberFilterName = (typeof MEMBER_FILTERS)[number];
export type MemberFilters = Record<MemberFilterName, string>;

export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['ACTIVE', 'GRACE', 'LAPSED', 'PENDING_APPROVAL', 'PENDING_PAYMENT', 'CANCELLED', 'DECLINED'];

export interface MemberSearchVariables {
  search?: string;
  status?: MembershipStatus;
  tierId?: string;
  joinedFrom?: string;
  joinedTo?: string;
  lapsedFrom?: string;
  lapsedTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readMemberFilters(params: URLSearchParams): MemberFilters {
  return Object.fromEntries(MEMBER_FILTERS.map((name) => [name, params.get(name)?.trim() ?? ''])) as MemberFilters;
}

const startOf = (day: string): string | undefined => {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
};

const endOf = (day: string): string | undefined => {
  const start = startOf(day);
  if (!start) return undefined;
  const next = new Date(start);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
};

/** The API's variables: blanks and malformed values left out; dates are whole UTC days, the last one included. */
export function memberSearchVariables(filters: MemberFilters): MemberSearchVariables {
  const variables: MemberSearchVariables = {};
  if (filters.q) variables.search = filters.q;
  if ((MEMBERSHIP_STATUSES as readonly string[]).includes(filters.status)) variables.status = filters.status as MembershipStatus;
  if (UUID.test(filters.tierId)) variables.tierId = filters.tierId;
  const joinedFrom = startOf(filters.joinedFrom);
  const joinedTo = endOf(filters.joinedUntil);
  const lapsedFrom = startOf(filters.lapsedFrom);
  const lapsedTo = endOf(filters.lapsedUntil);
  if (joinedFrom) variables.joinedFrom = joinedFrom;
  if (joinedTo) variables.joinedTo = joinedTo;
  if (lapsedFrom) variables.lapsedFrom = lapsedFrom;
  if (lapsedTo) variables.lapsedTo = lapsedTo;
  return variables;
}
