import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { ViewerCache } from '../auth/viewer-cache.js';
import { RequestContext } from './request-context.js';

/**
 * Empties the process's viewer cache when a mutation ends (committed or not), before its answer is sent: the
 * client's next query, if this process serves it, reads its session afresh (a log-out, a role change, a second
 * factor shown) without waiting for the database's notice. One listener object serves every request.
 */
export function viewerCachePlugin(cache: ViewerCache): ApolloServerPlugin<RequestContext> {
  const listener: GraphQLRequestListener<RequestContext> = {
    async willSendResponse({ operation }) {
      if (operation && operation.operation !== 'query') cache.clear();
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
