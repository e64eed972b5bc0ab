/** Money is formatted by core's one formatter; re-exported here for the dues mails that import it from this file. */
export { formatMoney } from '../../../core/src/money/format-money.js';

export const isoDay = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : 'for life');
