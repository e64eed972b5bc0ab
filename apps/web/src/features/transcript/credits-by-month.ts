import { formatMonth, monthKey } from '../../shared/formatting/format.js';

export interface MonthCredits {
  month: string;
  credits: number;
}

/** Credits earned in each month from the first activity to the last (months without any show 0), oldest first. */
export function creditsByMonth(entries: ReadonlyArray<{ date: string; credits: number }>): MonthCredits[] {
  if (entries.length === 0) return [];
  const sums = new Map<string, number>();
  for (const entry of entries) {
    const key = monthKey(entry.date);
    sums.set(key, (sums.get(key) ?? 0) + Math.round(entry.credits * 100));
  }
  const keys = [...sums.keys()].sort();
  const first = keys[0] ?? '';
  const last = keys[keys.length - 1] ?? '';
  const out: MonthCredits[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: formatMonth(key), credits: (sums.get(key) ?? 0) / 100 });
    if (key >= last) break;
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return out;
}
