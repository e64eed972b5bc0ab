import type { IncomingMessage } from 'node:http';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, specifiedRules, validate } from 'graphql';
import type { ViewerLookup } from '../auth/viewer-lookup.js';
import { formatGraphQLError } from './error-formatter.js';
import { aliasLimitRule, depthLimitRule } from './query-limits.js';
import { RequestLoaders, type RequestContext } from './request-context.js';

/** What graphql-ws hands the context function for each subscription (`graphql-transport-ws` protocol). */
export interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { request: IncomingMessage };
}

/**
 * A subscription's request context: the access token travels in `connection_init`'s payload
 * (`{ authorization: "Bearer …" }`), so it is put where the one auth guard reads it, the request's
 * Authorization header. The guard then resolves the viewer as for any HTTP request.
 */
export function subscriptionContext(ws: WsContext): RequestContext {
  const authorization = ws.connectionParams?.authorization;
  const upgrade = ws.extra.request;
  const headers = { ...upgrade.headers, authorization: typeof authorization === 'string' ? authorization : undefined };
  const req = Object.assign(Object.create(upgrade) as Request, { headers });
  return {
    req,
    res: undefined as unknown as Response,
    requestId: 'ws',
    clientAddress: upgrade.socket?.remoteAddress ?? 'unknown',
    loaders: new RequestLoaders(),
  };
}

/**
 * Subscriptions at /graphql over the `graphql-transport-ws` protocol (graphql-ws, on the HTTP
 * server's upgrade). The depth and alias limits hold there too, and errors over the socket go
 * through the same formatter as over HTTP.
 */
export function graphqlWsOptions(limits: { maxDepth: number; maxAliases: number }, viewers: ViewerLookup): GraphQLWsSubscriptionsConfig {
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatGraphQLError(e.toJSON(), e));
  const rules = [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)];
  return {
    path: '/graphql',
    // On connect: a token, when sent, must be a live one (else the socket closes with 4403 Forbidden).
    // Each subscription is then checked by the auth guard, and each event by its resolver.
    onConnect: async (ctx: { connectionParams?: Readonly<Record<string, unknown>> }) => {
      const authorization = ctx.connectionParams?.authorization;
      if (authorization === undefined) return true;
      const token = typeof authorization === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(authorization)?.[1] : undefined;
      if (!token) return false;
      return viewers.viewerFromAccessToken(token).then(() => true, () => false);
    },
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules),
    // Raised before execution (the query did not parse or validate): the code Apollo gives them over HTTP.
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
      format(errors.map((e) => (e.originalError || e.extensions?.code ? e : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })))),
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) => (result.errors ? { ...result, errors: format(result.errors) } : result),
  } as GraphQLWsSubscriptionsConfig;
}
