import type { EventFormat, EventKind } from './events-console.generated.js';
import { minorUnitDigits } from '../../../shared/formatting/format.js';

/**
 * The event form's values and their translation to and from the API: times are typed as wall-clock
 * times in the event's own zone (`datetime-local`), prices in major units of one currency.
 */
export interface SessionValues {
  title: string;
  startsAt: string;
  endsAt: string;
  ceCredits: number;
  ceCategory: string;
}

export interface EventFormValues {
  title: string;
  description: string;
  kind: EventKind;
  format: EventFormat;
  timezone: string;
  venue: string;
  onlineUrl: string;
  /** Wall-clock times in the event's zone, like the sessions'; empty: open now / until the event starts. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: number | string;
  /** Empty: no limit; 0: no waitlist. */
  waitlistLimit: number | string;
  currency: string;
  memberPrice: number | string;
  nonMemberPrice: number | string;
  membersOnly: boolean;
  sessions: SessionValues[];
}

interface MoneyIn {
  amount: number;
  currency: string;
}

/** What the form starts from when editing (the fields of StaffEventForm it needs). */
export interface EditableEvent {
  title: string;
  description: string | null;
  kind: EventKind;
  format: EventFormat;
  timezone: string;
  venue: string | null;
  onlineUrl: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  capacity: number | null;
  waitlistLimit: number | null;
  membersOnly: boolean;
  memberPrice: MoneyIn;
  nonMemberPrice: MoneyIn;
  sessions: Array<{ title: string; startsAt: string; endsAt: string; ceCredits: number; ceCategory: string | null }>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The offset of `zone` from UTC at the instant `utcMs`, in ms (Intl only: no time-zone library in the portal). */
function zoneOffsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** An instant as the wall-clock `YYYY-MM-DDTHH:mm` of `zone` (what a datetime-local input holds). */
export function toZonedInput(iso: string, zone: string): string {
  const utcMs = Date.parse(iso);
  const local = new Date(utcMs + zoneOffsetMs(utcMs, zone));
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** The instant (ISO, UTC) of a wall-clock `YYYY-MM-DDTHH:mm` in `zone`; null when it is not such a text. */
export function fromZonedInput(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let utc = wall - zoneOffsetMs(wall, zone);
  utc = wall - zoneOffsetMs(utc, zone); // once more, for instants near a change of offset
  return new Date(utc).toISOString();
}

/** Major units as typed (e.g. 12.5) to integer minor units of the currency (1250). */
export function toMinorUnits(value: number | string, currency: string): number {
  const amount = typeof value === 'number' ? value : Number(value || 0);
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

export const fromMinorUnits = (money: MoneyIn): number => money.amount / 10 ** minorUnitDigits(money.currency);

export function emptySession(): SessionValues {
  return { title: '', startsAt: '', endsAt: '', ceCredits: 0, ceCategory: '' };
}

export function eventFormValues(event?: EditableEvent): EventFormValues {
  if (!event) {
    return {
      title: '', description: '', kind: 'WORKSHOP', format: 'IN_PERSON', timezone: 'UTC', venue: '', onlineUrl: '', registrationOpensAt: '', registrationClosesAt: '', capacity: '', waitlistLimit: '',
      currency: 'USD', memberPrice: 0, nonMemberPrice: 0, membersOnly: false, sessions: [emptySession()],
    };
  }
  return {
    title: event.title,
    description: event.description ?? '',
    kind: event.kind,
    format: event.format,
    timezone: event.timezone,
    venue: event.venue ?? '',
    onlineUrl: event.onlineUrl ?? '',
    registrationOpensAt: event.registrationOpensAt ? toZonedInput(event.registrationOpensAt, event.timezone) : '',
    registrationClosesAt: event.registrationClosesAt ? toZonedInput(event.registrationClosesAt, event.timezone) : '',
    capacity: event.capacity ?? '',
    waitlistLimit: event.waitlistLimit ?? '',
    currency: event.memberPrice.currency,
    memberPrice: fromMinorUnits(event.memberPrice),
    nonMemberPrice: fromMinorUnits(event.nonMemberPrice),
    membersOnly: event.membersOnly,
    sessions: event.sessions.map((s) => ({
      title: s.title,
      startsAt: toZonedInput(s.startsAt, event.timezone),
      endsAt: toZonedInput(s.endsAt, event.timezone),
      ceCredits: s.ceCredits,
      ceCategory: s.ceCategory ?? '',
    })),
  };
}

/** The CreateEventInput (and UpdateEventInput) the form's values make; the event spans its sessions. */
export function toEventInput(values: EventFormValues) {
  const currency = values.currency.trim().toUpperCase();
  const sessions = values.sessions.map((s) => ({
    title: s.title.trim(),
    startsAt: fromZonedInput(s.startsAt, values.timezone) ?? '',
    endsAt: fromZonedInput(s.endsAt, values.timezone) ?? '',
    ceCredits: Number(s.ceCredits) || 0,
    ceCategory: s.ceCategory.trim() || null,
  }));
  const starts = sessions.map((s) => s.startsAt).filter(Boolean).sort();
  const ends = sessions.map((s) => s.endsAt).filter(Boolean).sort();
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    kind: values.kind,
    format: values.format,
    timezone: values.timezone.trim(),
    venue: values.venue.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    registrationOpensAt: values.registrationOpensAt ? fromZonedInput(values.registrationOpensAt, values.timezone) : null,
    registrationClosesAt: values.registrationClosesAt ? fromZonedInput(values.registrationClosesAt, values.timezone) : null,
    capacity: values.capacity === '' ? null : Number(values.capacity),
    waitlistLimit: values.waitlistLimit === '' ? null : Number(values.waitlistLimit),
    membersOnly: values.membersOnly,
    memberPrice: { amount: toMinorUnits(values.memberPrice, currency), currency },
    nonMemberPrice: { amount: toMinorUnits(values.nonMemberPrice, currency), currency },
    startsAt: starts[0] ?? '',
    endsAt: ends[ends.length - 1] ?? '',
    sessions,
  };
}

const FORM_FIELDS = new Set(['title', 'description', 'kind', 'format', 'timezone', 'venue', 'onlineUrl', 'registrationOpensAt', 'registrationClosesAt', 'capacity', 'waitlistLimit', 'membersOnly']);

/** What the API accepts as an online URL: http(s) with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export type RegistrationWindowProblem = 'invalid' | 'closesBeforeOpens' | 'closesAfterEnd' | null;

/**
 * The registration window's problem, as the API would see it (so it shows beside the field before
 * saving): closing must come after opening and not after the event's last session ends.
 */
export function registrationWindowProblem(values: EventFormValues, field: 'registrationOpensAt' | 'registrationClosesAt'): RegistrationWindowProblem {
  const own = values[field];
  if (!own) return null;
  const at = fromZonedInput(own, values.timezone);
  if (!at) return 'invalid';
  if (field === 'registrationOpensAt') return null;
  const opens = values.registrationOpensAt ? fromZonedInput(values.registrationOpensAt, values.timezone) : null;
  if (opens && at <= opens) return 'closesBeforeOpens';
  const ends = values.sessions.map((s) => fromZonedInput(s.endsAt, values.timezone)).filter((e): e is string => e !== null).sort();
  const end = ends[ends.length - 1];
  if (end && at > end) return 'closesAfterEnd';
  return null;
}

/**
 * The form field an API error path (after `input.`) belongs beside, or null for the alert:
 * `memberPrice.amount` → memberPrice, `sessions.1.endsAt` → sessions.1.endsAt, the event's own
 * start and end (made from the sessions) → the first session's.
 */
export function formFieldOf(path: string): string | null {
  if (FORM_FIELDS.has(path)) return path;
  const price = /^(memberPrice|nonMemberPrice)(\.amount)?$/.exec(path);
  if (price) return price[1]!;
  if (/^(memberPrice|nonMemberPrice)\.currency$/.test(path)) return 'currency';
  if (/^sessions\.\d+\.(title|startsAt|endsAt|ceCredits|ceCategory)$/.test(path)) return path;
  if (path === 'startsAt' || path === 'endsAt') return `sessions.0.${path}`;
  return null;
}
