import { describe, expect, it } from '@jest/globals';
import { auditVariables, readAuditFilters } from './audit-filters.js';

describe('audit filters', () => {
  it('reads every filter from the address, blank when absent', () => {
    expect(readAuditFilters(new URLSearchParams('action=+user.setRole+&from=2026-01-02'))).toEqual({
      action: 'user.setRole',
      actorId: '',
      targetType: '',
      targetId: '',
      from: '2026-01-02',
      until: '',
    });
  });

  it('leaves blanks out and turns days into UTC instants, the last day included', () => {
    const filters = readAuditFilters(new URLSearchParams('targetType=User&targetId=42&from=2026-02-28&until=2026-02-28'));
    expect(auditVariables(filters)).toEqual({ targetType: 'User', targetId: '42', from: '2026-02-28T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });

  it('ignores a date that is not a day', () => {
    expect(auditVariables(readAuditFilters(new URLSearchParams('from=yesterday&until=2026-13')))).toEqual({});
  });
});
