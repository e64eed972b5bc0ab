export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** The JSON body Stripe answers with on errors. */
export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    decline_code?: string;
    param?: string;
    doc_url?: string;
  };
}

/** An error a handler throws to answer with a Stripe-shaped error response. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly declineCode?: string,
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  toBody(): StripeErrorBody {
    const error: StripeErrorBody['error'] = { type: this.type, message: this.message };
    if (this.code) {
      error.code = this.code;
      error.doc_url = `https://docs.stripe.com/error-codes/${this.code.replace(/_/g, '-')}`;
    }
    if (this.declineCode) error.decline_code = this.declineCode;
    if (this.param) error.param = this.param;
    return { error };
  }
}

export function invalidRequest(message: string, code?: string, param?: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, code, param);
}

/** `No such customer: 'cus_x'` — 404 on the object's own URL, 400 when referenced by a parameter. */
export function noSuch(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(param ? 400 : 404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing', param ?? 'id');
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
}

export function unknownRoute(method: string, path: string): StripeApiError {
  return new StripeApiError(
    404,
    'invalid_request_error',
    `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
  );
}

/** The error a `failNext` rule answers with, shaped like Stripe's for that status. */
export function errorForStatus(status: number, message?: string, code?: string): StripeApiError {
  switch (status) {
    case 400:
      return new StripeApiError(400, 'invalid_request_error', message ?? 'Invalid request (injected by fake Stripe).', code);
    case 401:
      return new StripeApiError(401, 'invalid_request_error', message ?? 'Invalid API Key provided: sk_test_****', code);
    case 402:
      return new StripeApiError(402, 'card_error', message ?? 'Your card was declined.', code ?? 'card_declined', undefined, 'generic_decline');
    case 403:
      return new StripeApiError(403, 'invalid_request_error', message ?? 'The provided key does not have access to this resource.', code);
    case 404:
      return new StripeApiError(404, 'invalid_request_error', message ?? 'No such object (injected by fake Stripe).', code ?? 'resource_missing');
    case 409:
      return new StripeApiError(
        409,
        'idempotency_error',
        message ?? 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.',
        code ?? 'idempotency_key_in_use',
      );
    case 429:
      return new StripeApiError(429, 'invalid_request_error', message ?? 'Too many requests hit the API too quickly.', code ?? 'rate_limit');
    default:
      return new StripeApiError(status, 'api_error', message ?? 'An unknown error occurred (injected by fake Stripe).', code);
  }
}
