import type { CombinedError } from 'urql';

/** One offending input as the API names it (`extensions.fields`), e.g. `input.email`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface ReadableError {
  /** extensions.code, e.g. BAD_USER_INPUT, CONFLICT, UNAUTHENTICATED; NETWORK when the API was not reached. */
  code: string;
  message: string;
  fields: FieldProblem[];
}

/** Turns urql's error into what a page shows: the code, a message and the fields it names. */
export function readError(error: CombinedError): ReadableError {
  if (error.networkError && !error.graphQLErrors.length) {
    return { code: 'NETWORK', message: error.networkError.message, fields: [] };
  }
  const first = error.graphQLErrors[0];
  const fields: FieldProblem[] = [];
  for (const e of error.graphQLErrors) {
    const named = e.extensions?.fields;
    if (Array.isArray(named)) {
      for (const field of named as unknown[]) {
        if (isFieldProblem(field)) fields.push(field);
      }
    }
  }
  return {
    code: typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR',
    message: first?.message ?? error.message,
    fields,
  };
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as FieldProblem).path === 'string' && typeof (value as FieldProblem).message === 'string'
  );
}
