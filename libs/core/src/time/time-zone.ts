import { IANAZone } from 'luxon';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Longest zone name accepted (the longest IANA name, America/Argentina/ComodRivadavia, has 32). */
const MAX_ZONE_LENGTH = 64;
/** Names only: `Europe/Berlin`, `UTC`, `Etc/GMT+5`; offsets such as `+02:00` are refused. */
const ZONE_NAME = /^[A-Za-z]+(?:[/_+-][A-Za-z0-9_+-]+)*$/;

/** True for an IANA time zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). The one zone check. */
export function isIanaZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ZONE_LENGTH && ZONE_NAME.test(value) && IANAZone.isValidZone(value);
}

/** The canonical spelling of a valid zone name (`europe/berlin` → `Europe/Berlin`). */
export function canonicalZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** class-validator: an IANA time zone name the server knows, e.g. Europe/Berlin. */
export const IsIanaZone = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    { name: 'isIanaZone', validator: { validate: (value) => isIanaZone(value), defaultMessage: () => '$property must be an IANA time zone such as Europe/Berlin' } },
    options,
  );
