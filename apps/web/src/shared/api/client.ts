import { authExchange } from '@urql/exchange-auth';
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, type CombinedError, fetchExchange, type Operation, subscriptionExchange } from 'urql';
import { refreshSession } from '../session/session-refresh.js';
import { getAccessToken } from '../session/session-store.js';
import { cacheKeys } from './cache-keys.js';
import { createLiveForwarder } from './live-socket.js';
import { SESSION_HEADERS } from './session-headers.js';

/** Operations that manage the session themselves: never retried after a refresh. */
const SESSION_OPERATIONS = new Set(['LogIn', 'SignUp', 'LogOut', 'RefreshSession']);

function operationName(operation: Operation): string | undefined {
  for (const definition of operation.query.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

function isAuthError(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/**
 * One GraphQL client per signed-in user (a new one on log-in and log-out, so no cached data outlives
 * its session): a normalized cache (graphcache), the bearer token from memory, and one silent
 * refresh when the API says the token is no longer good.
 */
export function createApiClient(): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: () => ({ credentials: 'same-origin', headers: { ...SESSION_HEADERS } }),
    exchanges: [
      cacheExchange({ keys: cacheKeys }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = getAccessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        didAuthError(error, operation) {
          return isAuthError(error) && !SESSION_OPERATIONS.has(operationName(operation) ?? '') && getAccessToken() !== null;
        },
        async refreshAuth() {
          await refreshSession();
        },
      })),
      fetchExchange,
      subscriptionExchange({ forwardSubscription: createLiveForwarder() }),
    ],
  });
}
