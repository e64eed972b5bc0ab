import { minorUnitDigits } from '../../../shared/formatting/format.js';

const CURRENCY = /^[A-Z]{3}$/;

/** Whether the code is an ISO 4217 currency this browser knows. */
export function isCurrency(code: string): boolean {
  if (!CURRENCY.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * A price typed in major units ("120", "120.5", "120.50") as integer minor units of the currency
 * (12050 for EUR, 120 for JPY); null when it is not a non-negative amount with at most the currency's decimals.
 */
export function toMinorUnits(typed: string, currency: string): number | null {
  if (!isCurrency(currency)) return null;
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(typed.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units back to the typed form, without grouping or symbol ("120.50"). */
export function fromMinorUnits(amount: number, currency: string): string {
  const digits = isCurrency(currency) ? minorUnitDigits(currency) : 2;
  if (digits === 0) return String(amount);
  const whole = Math.floor(amount / 10 ** digits);
  const fraction = String(amount % 10 ** digits).padStart(digits, '0');
  return `${whole}.${fraction}`;
}
