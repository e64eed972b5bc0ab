/** UTC offsets of IANA time zones at a given instant, through `Intl`. */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null; // RangeError: not an IANA zone this runtime knows
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC of `timeZone` at `at` (e.g. 330 for Asia/Kolkata), or null for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | null {
  const formatter = formatterFor(timeZone);
  if (!formatter) return null;
  const name = formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/u.exec(name);
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** 330 → `UTC+05:30`, -180 → `UTC−03:00`, 0 → `UTC`. */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${minutes}`;
}

/**
 * Hours between two offsets on the 24-hour clock: UTC+14 and UTC−10 show the same time of day, so they
 * are 0 hours apart for scheduling purposes. Result is in 0..12.
 */
export function clockHoursApart(offsetA: number, offsetB: number): number {
  const minutes = Math.abs(offsetA - offsetB) % 1440;
  return Math.min(minutes, 1440 - minutes) / 60;
}
