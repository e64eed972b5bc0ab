import type { PaymentPurpose, PaymentStatus } from './payments-console.generated.js';

/** The ledger's filters as the address holds them (`?status=REFUNDED&kind=DUES&from=2026-01-31`), and as the API takes them. */
export const LEDGER_FILTERS = ['status', 'kind', 'person', 'from', 'until', 'min', 'max'] as const;
export type LedgerFilterName = (typeof LEDGER_FILTERS)[number];
export type LedgerFilters = Record<LedgerFilterName, string>;

export const PAYMENT_STATUSES: PaymentStatus[] = ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'];
export const PAYMENT_KINDS: PaymentPurpose[] = ['DUES', 'EVENT'];

export interface LedgerVariables {
  status?: PaymentStatus;
  purpose?: PaymentPurpose;
  userId?: string;
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MINOR_UNITS = /^\d{1,9}$/;

export function readLedgerFilters(params: URLSearchParams): LedgerFilters {
  return Object.fromEntries(LEDGER_FILTERS.map((name) => [name, params.get(name)?.trim() ?? ''])) as LedgerFilters;
}

/** The address for these filters (blanks left out) and an optional page cursor. */
export function ledgerSearch(filters: LedgerFilters, after?: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of LEDGER_FILTERS) if (filters[name]) search.set(name, filters[name]);
  if (after) search.set('after', after);
  return search;
}

/** The API's variables: blanks and malformed values left out; dates are whole UTC days, `until` included; amounts in minor units. */
export function ledgerVariables(filters: LedgerFilters): LedgerVariables {
  const variables: LedgerVariables = {};
  if ((PAYMENT_STATUSES as string[]).includes(filters.status)) variables.status = filters.status as PaymentStatus;
  if ((PAYMENT_KINDS as string[]).includes(filters.kind)) variables.purpose = filters.kind as PaymentPurpose;
  if (UUID.test(filters.person)) variables.userId = filters.person;
  if (DAY.test(filters.from) && !Number.isNaN(Date.parse(`${filters.from}T00:00:00.000Z`))) variables.from = `${filters.from}T00:00:00.000Z`;
  if (DAY.test(filters.until)) {
    const next = new Date(`${filters.until}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    if (!Number.isNaN(next.getTime())) variables.to = next.toISOString();
  }
  if (MINOR_UNITS.test(filters.min)) variables.minAmount = Number(filters.min);
  if (MINOR_UNITS.test(filters.max)) variables.maxAmount = Number(filters.max);
  return variables;
}
