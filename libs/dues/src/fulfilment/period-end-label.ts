/** A period's end as dues mails show it: the ISO day, or "for life" for a period with no end. */
export const isoDay = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : 'for life');
