/**
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return)
 * as a formula. The export prefixes such cells with an apostrophe (OWASP's advice) and the import
 * removes exactly that prefix again, so an export still imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED = /^'[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}
