/**
 * The cohort form's days (`<input type="date">`, YYYY-MM-DD) as instants for the API: a start or a
 * closing day begins at the viewer's local midnight; an end day lasts until the next midnight.
 * Returns null for an empty or malformed day.
 */
export function dayStart(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (date.getFullYear() !== Number(match[1]) || date.getMonth() !== Number(match[2]) - 1 || date.getDate() !== Number(match[3])) return null;
  return date.toISOString();
}

export function dayEnd(day: string): string | null {
  const start = dayStart(day);
  if (!start) return null;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}
