/** The transcript's period as the address keeps it: `from` and `to` are calendar days (YYYY-MM-DD), both included. */
export interface TranscriptPeriod {
  from: string | null;
  to: string | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day from the address, or null when it is missing or not a real date. */
export function parseDay(value: string | null | undefined): string | null {
  const match = value ? DAY.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value! : null;
}

export function periodFromSearch(search: URLSearchParams): TranscriptPeriod {
  return { from: parseDay(search.get('from')), to: parseDay(search.get('to')) };
}

/** Local midnight starting the day (`nextDay`: the day after, since the API's `to` is exclusive) as an ISO instant. */
function startOfDay(day: string, nextDay = false): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + (nextDay ? 1 : 0)).toISOString();
}

/** The API's bounds: from the start of `from` (inclusive) to the end of `to` (the next midnight, exclusive), in the viewer's zone. */
export function periodBounds(period: TranscriptPeriod): { from: string | null; to: string | null } {
  return { from: period.from ? startOfDay(period.from) : null, to: period.to ? startOfDay(period.to, true) : null };
}

/** `/transcript.pdf` for the same period as the page shows. */
export function pdfUrl(period: TranscriptPeriod): string {
  const bounds = periodBounds(period);
  const query = new URLSearchParams();
  if (bounds.from) query.set('from', bounds.from);
  if (bounds.to) query.set('to', bounds.to);
  const text = query.toString();
  return text ? `/transcript.pdf?${text}` : '/transcript.pdf';
}
