import type { CombinedError } from 'urql';

/** What a log-in refused for its second factor says: TOTP_REQUIRED (ask for the code) or BAD_SECOND_FACTOR (wrong code). */
export type SecondFactorReason = 'TOTP_REQUIRED' | 'BAD_SECOND_FACTOR';

export function secondFactorReason(error: CombinedError): SecondFactorReason | null {
  for (const e of error.graphQLErrors) {
    const reason = e.extensions?.reason;
    if (reason === 'TOTP_REQUIRED' || reason === 'BAD_SECOND_FACTOR') return reason;
  }
  return null;
}
