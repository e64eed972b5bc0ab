/**
 * Turns what a person typed into a safe prefix tsquery: "Data sci" → "data:* & sci:*".
 * Only letters and digits survive, so nothing typed can change the query's syntax.
 */
export function toPrefixTsQuery(search: string | undefined | null): string | undefined {
  if (!search) return undefined;
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : undefined;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
