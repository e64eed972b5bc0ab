/** The codes a client can see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  PAYMENTS_NOT_CONFIGURED = 'PAYMENTS_NOT_CONFIGURED',
  PAYMENT_PROVIDER_ERROR = 'PAYMENT_PROVIDER_ERROR',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Dotted path of the offending input, e.g. `input.email` or `input.skills.3`. */
  path: string;
  message: string;
}

/**
 * An error meant for the client: its message and code are shown as they are.
 * Feature libraries subclass it (or use the helpers below) with their own `reason`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldProblem[]; reason?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (path: string, message: string, reason?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${path}: ${message}`, { fields: [{ path, message }], reason });
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, reason?: string) => new AppError(ErrorCode.CONFLICT, message, { reason });
export const forbidden = (message = 'You are not allowed to do that') => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in to do that') => new AppError(ErrorCode.UNAUTHENTICATED, message);
