/**
 * Money for people to read: an integer of minor units plus an ISO 4217 code, shown with the
 * currency's own number of decimals (JPY 0, USD 2, KWD 3), as Intl knows them. The one money formatter:
 * 12345 EUR → "€123.45", 500 JPY → "¥500", 12345 KWD → "KWD 12.345".
 */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const code = currency.toUpperCase();
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
