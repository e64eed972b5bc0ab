const METHODS = ['card', 'cheque', 'bank_transfer', 'cash', 'other'] as const;
export type MethodKey = (typeof METHODS)[number];

/** The ledger's free-text method as one of the catalogue's keys (unknown ones read as "other"). */
export function methodKey(method: string): MethodKey {
  return (METHODS as readonly string[]).includes(method) ? (method as MethodKey) : 'other';
}

/** A whole number of minor units typed by a person ("4500"), or null when it is not one. */
export function parseMinorUnits(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}
