import type { OfflinePaymentMethod, RecordOfflinePaymentInput } from './payments-console.generated.js';
import type { ReadableError } from '../../../shared/errors/graphql-errors.js';

export interface OfflineValues {
  /** Minor units, as typed. */
  amount: string;
  currency: string;
  method: OfflinePaymentMethod;
  reference: string;
  /** YYYY-MM-DD, or blank for now. */
  receivedOn: string;
  note: string;
}

/** The day the money arrived as an instant: the start of that day where the staff member is (never in the future). */
export function receivedAt(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = new Date(`${day}T00:00:00`);
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

export function offlinePaymentInput(membershipId: string, values: OfflineValues): RecordOfflinePaymentInput {
  return {
    membershipId,
    amount: { amount: Number(values.amount.trim()), currency: values.currency.trim().toUpperCase() },
    method: values.method,
    reference: values.reference.trim(),
    receivedAt: receivedAt(values.receivedOn),
    note: values.note.trim() || null,
  };
}

/** The form field an API path names (`input.amount.amount` is the amount field). */
const FIELD_OF: Record<string, keyof OfflineValues> = {
  'input.amount.amount': 'amount',
  'input.amount': 'amount',
  'input.amount.currency': 'currency',
  'input.method': 'method',
  'input.reference': 'reference',
  'input.receivedAt': 'receivedOn',
  'input.note': 'note',
};

/** Puts each problem beside its field; returns the message for the form's alert when one has no field (or null). */
export function placeOfflineErrors(form: { setFieldError: (path: string, error: string) => void }, error: ReadableError): string | null {
  let unplaced = error.fields.length === 0;
  for (const field of error.fields) {
    const name = FIELD_OF[field.path];
    if (name) form.setFieldError(name, field.message);
    else unplaced = true;
  }
  return unplaced ? error.message : null;
}
