import { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string; credits are small decimals, safe as JS numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
