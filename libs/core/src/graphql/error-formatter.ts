import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** Apollo's own request-level codes: raised by parsing, validation and variable coercion, never by our code. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/** The code and extras a client may see for this error, or undefined when it must be masked. */
export function clientSafeExtensions(error: unknown): Record<string, unknown> | undefined {
  // Apollo wraps request-level problems (e.g. a variable of the wrong type) with its own code.
  const outerCode = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof outerCode === 'string' && APOLLO_CODES.has(outerCode) && !(unwrap(error) instanceof AppError)) {
    return { code: outerCode === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : outerCode };
  }
  const original = unwrap(error);
  if (original instanceof AppError) {
    const { fields, reason, retryable } = original.options;
    return {
      code: original.code,
      ...(fields ? { fields } : {}),
      ...(reason ? { reason } : {}),
      ...(retryable ? { retryable: true } : {}),
    };
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()];
    return code ? { code } : undefined;
  }
  // A GraphQLError with no underlying error is one that graphql-js or Apollo raised itself.
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      return { code: code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code };
    }
  }
  return undefined;
}

/**
 * One place turns every error into what a client may see: known errors keep their code, message
 * and field paths; anything else becomes a generic INTERNAL_SERVER_ERROR (the request-errors plugin
 * logs it with the request id), so SQL text and stack traces never leave the server.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = clientSafeExtensions(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (extensions) {
    const original = unwrap(error);
    const message = original instanceof AppError || original instanceof HttpException ? original.message : formatted.message;
    return { ...base, message, extensions };
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
