/** The id of a Stripe reference that may be expanded (an object) or not (its id). */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
