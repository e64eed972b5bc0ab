/** class-transformer helpers shared by the mentoring inputs. */

/** Blank optional text becomes null. */
export const trimToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed.length ? trimmed : null;
};

/** Topics are compared case-insensitively: trimmed, lower-case, inner spaces collapsed, distinct. */
export const normaliseTopics = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((topic) => (typeof topic === 'string' ? topic.trim().toLowerCase().replace(/\s+/gu, ' ') : topic)))]
    : value;
