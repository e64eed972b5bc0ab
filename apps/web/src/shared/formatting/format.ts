/**
 * The one place dates, times and money become text. Everything goes through Intl with the viewer's
 * locale; event times are shown in the event's own zone with the viewer's beside when they differ.
 */
export interface MoneyValue {
  /** Integer minor units (cents). */
  amount: number;
  /** ISO 4217. */
  currency: string;
}

export function viewerLocale(): string {
  return typeof navigator === 'undefined' ? 'en' : (navigator.languages?.[0] ?? navigator.language ?? 'en');
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const minorDigitsCache = new Map<string, number>();

/** How many minor units the currency has (2 for EUR, 0 for JPY, 3 for KWD). */
export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

export function formatMoney(money: MoneyValue, locale = viewerLocale()): string {
  const digits = minorUnitDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount / 10 ** digits);
}

export function formatDate(iso: string, options: { timeZone?: string; locale?: string } = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? viewerLocale(), { dateStyle: 'medium', timeZone: options.timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, options: { timeZone?: string; locale?: string; zoneName?: boolean } = {}): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName (Intl throws): name the fields instead.
  const fields: Intl.DateTimeFormatOptions = options.zoneName
    ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(options.locale ?? viewerLocale(), { ...fields, timeZone: options.timeZone }).format(new Date(iso));
}

export interface ZonedTime {
  /** In the event's zone, with the zone named. */
  event: string;
  /** In the viewer's zone, when it differs from the event's; otherwise null. */
  viewer: string | null;
}

/** An event's time in its own zone, and the viewer's local time beside it when the zones differ. */
export function formatEventTime(iso: string, eventTimeZone: string, options: { viewerZone?: string; locale?: string } = {}): ZonedTime {
  const viewerZone = options.viewerZone ?? viewerTimeZone();
  const event = formatDateTime(iso, { timeZone: eventTimeZone, locale: options.locale, zoneName: true });
  const viewer = sameOffset(iso, eventTimeZone, viewerZone)
    ? null
    : formatDateTime(iso, { timeZone: viewerZone, locale: options.locale, zoneName: true });
  return { event, viewer };
}

function sameOffset(iso: string, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  const at = new Date(iso);
  const wallClock = (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
  return wallClock(zoneA) === wallClock(zoneB);
}

/** The calendar month an instant falls in, in the viewer's zone: `YYYY-MM` (sorts as text). */
export function monthKey(iso: string, timeZone = viewerTimeZone()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** A `YYYY-MM` month as the viewer reads it, e.g. "Mar 2027". */
export function formatMonth(key: string, locale = viewerLocale()): string {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 15)));
}

/** A number of credits (or any decimal) in the viewer's locale. */
export function formatNumber(value: number, locale = viewerLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A share from 0 to 1 as a percentage in the viewer's locale (0.125 → "12.5%"). */
export function formatPercent(share: number, locale = viewerLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
