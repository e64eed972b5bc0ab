import { describe, expect, it } from '@jest/globals';
import { ledgerSearch, ledgerVariables, readLedgerFilters } from './ledger-filters.js';

describe('ledger filters', () => {
  it('reads every filter from the address, blank when absent', () => {
    expect(readLedgerFilters(new URLSearchParams('status=REFUNDED&kind=+DUES+&min=100'))).toEqual({
      status: 'REFUNDED', kind: 'DUES', person: '', from: '', until: '', min: '100', max: '',
    });
  });

  it('gives the API enums, a user id, whole UTC days (the last included) and minor units', () => {
    const person = '0b7c3f4e-1d2a-4c5b-9e8f-123456789abc';
    const filters = readLedgerFilters(new URLSearchParams(`status=PARTIALLY_REFUNDED&kind=EVENT&person=${person}&from=2026-02-01&until=2026-02-28&min=0&max=5000`));
    expect(ledgerVariables(filters)).toEqual({
      status: 'PARTIALLY_REFUNDED', purpose: 'EVENT', userId: person,
      from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', minAmount: 0, maxAmount: 5000,
    });
  });

  it('leaves out what is not a filter value', () => {
    const filters = readLedgerFilters(new URLSearchParams('status=LOST&kind=dues&person=42&from=yesterday&until=2026-13&min=-1&max=1.5'));
    expect(ledgerVariables(filters)).toEqual({});
  });

  it('writes the address back without blanks, with the page cursor last', () => {
    const filters = readLedgerFilters(new URLSearchParams('kind=DUES&min=100'));
    expect(ledgerSearch(filters, 'abc').toString()).toBe('kind=DUES&min=100&after=abc');
    expect(ledgerSearch(filters).toString()).toBe('kind=DUES&min=100');
  });
});
