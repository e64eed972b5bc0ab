import { describe, expect, it } from '@jest/globals';
import { BillingInterval, MembershipStatus } from '../membership.enums.js';
import { REQUIRED_COLUMNS, type KnownColumn } from './member-csv.columns.js';
import { type ImportTier, validateMemberRow } from './member-row.validator.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const yearly: ImportTier = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Professional', active: true, billingInterval: BillingInterval.YEAR, gracePeriodDays: 30 };
const lifetime: ImportTier = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Lifetime', active: true, billingInterval: BillingInterval.LIFETIME, gracePeriodDays: 0 };
const TIERS = new Map([
  ['professional', yearly],
  ['lifetime', lifetime],
]);
const COLUMNS = new Set<KnownColumn>([...REQUIRED_COLUMNS, 'skills']);

function row(cells: Partial<Record<KnownColumn, string>>) {
  const base = { email: 'a@example.org', full_name: 'A', tier: 'Professional', status: 'ACTIVE', current_period_end: '2027-01-01', joined_at: '2020-01-01', skills: '' };
  return validateMemberRow({ line: 7, cells: { ...base, ...cells } }, COLUMNS, TIERS, NOW);
}

describe('validateMemberRow', () => {
  it('normalises a good row and derives its period reference', () => {
    const outcome = row({ email: ' A@Example.ORG ', status: 'active', skills: 'Go; SQL;go' });
    expect('row' in outcome && outcome.row).toMatchObject({
      email: 'a@example.org',
      status: MembershipStatus.ACTIVE,
      currentPeriodEnd: new Date('2027-01-01T00:00:00Z'),
      periodRef: 'import:a@example.org:2027-01-01T00:00:00.000Z',
      skills: ['go', 'sql'],
    });
  });

  it('computes when grace ends from the tier', () => {
    const outcome = row({ status: 'GRACE', current_period_end: '2026-05-20T12:00:00+02:00' });
    expect('row' in outcome && outcome.row.graceEndsAt).toEqual(new Date('2026-06-19T10:00:00Z'));
  });

  it('lets an ACTIVE lifetime membership have no period end', () => {
    const outcome = row({ tier: 'lifetime', current_period_end: '' });
    expect('row' in outcome && outcome.row.periodRef).toBe('import:a@example.org:lifetime');
  });

  it.each([
    [{ current_period_end: '' }, 'current_period_end', /required for an ACTIVE membership/],
    [{ status: 'PENDING_PAYMENT' }, 'current_period_end', /must be empty/],
    [{ joined_at: '2027-06-01' }, 'joined_at', /must not be in the future/],
    [{ joined_at: '2027-02-01', current_period_end: '2027-01-01' }, 'joined_at', /(future|before current_period_end)/],
    [{ joined_at: '' }, 'joined_at', /required/],
    [{ current_period_end: '2026-01-01T10:00' }, 'current_period_end', /needs a time zone/],
    [{ full_name: 'a\u0000b' }, 'full_name', /control character/],
  ])('refuses %p', (cells, column, message) => {
    const outcome = row(cells);
    expect('errors' in outcome).toBe(true);
    const errors = 'errors' in outcome ? outcome.errors : [];
    expect(errors.find((e) => e.column === column)?.message).toMatch(message);
    expect(errors.every((e) => e.line === 7)).toBe(true);
  });

  it('reports every problem of a row at once', () => {
    const outcome = row({ email: 'nope', tier: 'Gold', status: 'EXPIRED' });
    expect('errors' in outcome && outcome.errors.map((e) => e.column)).toEqual(['email', 'tier', 'status']);
  });

  it('warns, without refusing, about an ACTIVE period that already ended', () => {
    const outcome = row({ current_period_end: '2026-05-01' });
    expect('row' in outcome).toBe(true);
    expect(outcome.warnings).toEqual([{ line: 7, column: 'current_period_end', message: expect.stringContaining('in the past') }]);
  });
});
