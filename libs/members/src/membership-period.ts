import { DateTime } from 'luxon';
import { BillingInterval } from './membership.enums.js';

/**
 * The end of a period of `interval` starting at `start` (UTC calendar arithmetic: 31 January plus
 * a month is 28 or 29 February), or null for a lifetime tier.
 */
export function periodEnd(start: Date, interval: BillingInterval): Date | null {
  const from = DateTime.fromJSDate(start, { zone: 'utc' });
  switch (interval) {
    case BillingInterval.YEAR:
      return from.plus({ years: 1 }).toJSDate();
    case BillingInterval.MONTH:
      return from.plus({ months: 1 }).toJSDate();
    case BillingInterval.LIFETIME:
      return null;
  }
}
