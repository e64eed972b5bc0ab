import { ApolloServerPlugin } from '@apollo/server';
import { RootLogger } from '../logging/logger.js';
import { RepeatGate } from '../logging/repeat-gate.js';
import { clientSafeExtensions } from './error-formatter.js';
import { RequestContext } from './request-context.js';

/**
 * Logs, with the request id, every error that the formatter will mask from the client; the same
 * error again within a minute (a database outage fails every request alike) is counted, not logged.
 */
export function requestErrorsPlugin(logger: RootLogger, gate = new RepeatGate()): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (clientSafeExtensions(error)) continue;
            const cause = error.originalError ?? error;
            const heldBack = gate.admit(`${cause.name}:${cause.message}`);
            if (heldBack === undefined) continue;
            logger.error(
              { err: cause, path: error.path, requestId: contextValue.requestId, operationName, ...(heldBack ? { repeatedSinceLastLog: heldBack } : {}) },
              'Unhandled error in GraphQL request',
            );
          }
        },
      };
    },
  };
}
