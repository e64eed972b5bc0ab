import { ApolloServerPlugin } from '@apollo/server';
import { RootLogger } from '../logging/logger.js';
import { clientSafeExtensions } from './error-formatter.js';
import { RequestContext } from './request-context.js';

/** Logs, with the request id, every error that the formatter will mask from the client. */
export function requestErrorsPlugin(logger: RootLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (clientSafeExtensions(error)) continue;
            logger.error(
              { err: error.originalError ?? error, path: error.path, requestId: contextValue.requestId, operationName },
              'Unhandled error in GraphQL request',
            );
          }
        },
      };
    },
  };
}
