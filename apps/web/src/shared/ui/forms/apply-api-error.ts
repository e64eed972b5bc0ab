import type { CombinedError } from 'urql';
import { readError, type ReadableError } from '../../errors/graphql-errors.js';

/** The part of a Mantine form (useForm) that receives errors. */
export interface ErrorTarget<Values> {
  getValues: () => Values;
  setFieldError: (path: string, error: string) => void;
}

/**
 * Shows an API error on the form: each `extensions.fields` entry that names one of the form's fields
 * (after the argument prefix, e.g. `input.`) goes beside that field; the rest becomes the message of
 * the form's alert. Returns that message, or null when every problem found its field.
 */
export function applyApiError<Values extends object>(
  form: ErrorTarget<Values>,
  error: CombinedError,
  options: { prefix?: string; describe?: (error: ReadableError) => string } = {},
): string | null {
  const readable = readError(error);
  const values = form.getValues() as Record<string, unknown>;
  const prefix = options.prefix ?? 'input.';
  const unplaced = [];
  for (const field of readable.fields) {
    const name = field.path.startsWith(prefix) ? field.path.slice(prefix.length) : field.path;
    if (name in values) form.setFieldError(name, field.message);
    else unplaced.push(field);
  }
  if (readable.fields.length > 0 && unplaced.length === 0) return null;
  return options.describe ? options.describe(readable) : readable.message;
}
