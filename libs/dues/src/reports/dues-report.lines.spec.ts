import { describe, expect, it } from '@jest/globals';
import { reportLines } from './dues-report.lines.js';

const paid = (paymentId: string, month: string, currency: string, amount: number) => ({ paymentId, month, currency, amount });

describe('reportLines', () => {
  it('orders by month, then tier in the order tierNames gives (the database collation of names), then currency', () => {
    const tierOf = new Map([['p1', 't1'], ['p2', 't2'], ['p3', 't3'], ['p4', 't1'], ['p5', 't2']]);
    // As a non-C collation might order them: not code-point order.
    const names = new Map([['t3', 'alpha'], ['t1', 'Ärzte'], ['t2', 'Zeta']]);
    const figures = {
      paid: [paid('p1', '2026-02', 'USD', 1), paid('p2', '2026-01', 'EUR', 2), paid('p3', '2026-02', 'EUR', 3), paid('p4', '2026-02', 'EUR', 4), paid('p5', '2026-02', 'EUR', 5)],
      refunded: [],
    };
    expect(reportLines(figures, tierOf, names).map((l) => [l.month, l.tierName, l.currency])).toEqual([
      ['2026-01', 'Zeta', 'EUR'],
      ['2026-02', 'alpha', 'EUR'],
      ['2026-02', 'Ärzte', 'EUR'],
      ['2026-02', 'Ärzte', 'USD'],
      ['2026-02', 'Zeta', 'EUR'],
    ]);
  });

  it('leaves out money of payments with no dues tier, or whose tier has no name', () => {
    const lines = reportLines(
      { paid: [paid('dues', '2026-01', 'EUR', 100), paid('other', '2026-01', 'EUR', 50), paid('orphan', '2026-01', 'EUR', 25)], refunded: [paid('other', '2026-01', 'EUR', 10)] },
      new Map([['dues', 't1'], ['orphan', 'gone']]),
      new Map([['t1', 'Gold']]),
    );
    expect(lines).toEqual([{ month: '2026-01', tierId: 't1', tierName: 'Gold', currency: 'EUR', collected: 100, refunded: 0, payments: 1 }]);
  });
});
