import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { readError } from '../../shared/errors/graphql-errors.js';

export type TokenOutcome = { state: 'pending' } | { state: 'done' } | { state: 'failed'; message: string };

/**
 * Sends a single-use link token to its mutation exactly once (a re-render or React's development
 * double effect must not spend it twice), then refreshes `refetch` (e.g. the verification banner).
 */
export function useTokenOnce(
  mutation: TypedDocumentNode<unknown, { token: string }>,
  token: string | null,
  refetch: TypedDocumentNode<unknown, Record<string, never>> | null,
): TokenOutcome {
  const { t } = useTranslation();
  const client = useClient();
  const sent = useRef<string | null>(null);
  const [outcome, setOutcome] = useState<TokenOutcome>({ state: 'pending' });

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    void client.mutation(mutation, { token }).toPromise().then(async (result) => {
      if (result.error) {
        const error = readError(result.error);
        setOutcome({ state: 'failed', message: error.code === 'NETWORK' ? t('errors.network') : error.message });
        return;
      }
      if (refetch) await client.query(refetch, {}, { requestPolicy: 'network-only' }).toPromise();
      setOutcome({ state: 'done' });
    });
  }, [client, mutation, refetch, t, token]);

  return outcome;
}
