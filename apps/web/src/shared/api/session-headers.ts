/**
 * Sent with every request of the portal. `X-Guildhall-Session: cookie` asks the API to keep the
 * refresh token in its httpOnly cookie instead of the response body; being a non-simple header it
 * also satisfies Apollo's CSRF prevention.
 */
export const SESSION_HEADERS = { 'X-Guildhall-Session': 'cookie' } as const;
