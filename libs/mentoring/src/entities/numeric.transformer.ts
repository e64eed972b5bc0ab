import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (exact); CE credits and rates are small enough for a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
