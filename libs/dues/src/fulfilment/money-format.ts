/** 12345 EUR → "€123.45", honouring each currency's minor units (JPY has none). */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

export const isoDay = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : 'for life');
