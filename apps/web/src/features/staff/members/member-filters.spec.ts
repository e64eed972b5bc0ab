import { describe, expect, it } from '@jest/globals';
import { memberSearchVariables, readMemberFilters } from './member-filters.js';

describe('member search filters', () => {
  it('reads every filter from the address, blank when absent', () => {
    expect(readMemberFilters(new URLSearchParams('q=+ada+&status=LAPSED'))).toEqual({
      q: 'ada',
      status: 'LAPSED',
      tierId: '',
      joinedFrom: '',
      joinedUntil: '',
      lapsedFrom: '',
      lapsedUntil: '',
    });
  });

  it('turns days into UTC instants with the last day included, and passes status and tier through', () => {
    const tierId = '5f0c8a4e-8d1b-4a55-9d5c-3b7a2f1e0c9d';
    const filters = readMemberFilters(new URLSearchParams(`q=ada&status=GRACE&tierId=${tierId}&joinedFrom=2026-02-01&joinedUntil=2026-02-28&lapsedUntil=2026-12-31`));
    expect(memberSearchVariables(filters)).toEqual({
      search: 'ada',
      status: 'GRACE',
      tierId,
      joinedFrom: '2026-02-01T00:00:00.000Z',
      joinedTo: '2026-03-01T00:00:00.000Z',
      lapsedTo: '2027-01-01T00:00:00.000Z',
    });
  });

  it('leaves out an unknown status, a tier that is not an id and dates that are not days', () => {
    expect(memberSearchVariables(readMemberFilters(new URLSearchParams('status=HAPPY&tierId=gold&joinedFrom=yesterday&lapsedFrom=2026-13-45')))).toEqual({});
  });
});
