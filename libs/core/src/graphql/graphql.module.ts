import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthGuard } from '../auth/auth.guard.js';
import { ViewerCache } from '../auth/viewer-cache.js';
import { VIEWER_LOOKUP, type ViewerLookup } from '../auth/viewer-lookup.js';
import { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RootLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { metricsPlugin } from '../metrics/metrics.plugin.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { formatGraphQLError } from './error-formatter.js';
import { leanFieldResolvers } from './lean-field-resolvers.js';
import { PassthroughExceptionFilter } from './passthrough.filter.js';
import { readPropertiesDirectly } from './property-fields.js';
import { aliasLimitRule, CostLimit, costLimitPlugin, depthLimitRule } from './query-limits.js';
import { QueryLane } from './query-lane.js';
import { RequestContext, RequestLoaders } from './request-context.js';
import { requestErrorsPlugin } from './request-errors.plugin.js';
import { viewerCachePlugin } from './viewer-cache.plugin.js';
import { graphqlWsOptions, subscriptionContext, type WsContext } from './subscription-context.js';
import { GraphQLValidationPipe } from './validation.pipe.js';

/** A GraphQL request's context over HTTP (Nest's Apollo middleware and `graphqlPostMiddleware` alike). */
export function httpRequestContext(http: { req: Request; res: Response }): RequestContext {
  return {
    req: http.req,
    res: http.res,
    requestId: String(http.req.id ?? ''),
    clientAddress: http.req.ip ?? http.req.socket.remoteAddress ?? 'unknown',
    loaders: new RequestLoaders(),
  };
}

/** The query lane (see QueryLane), one per app: Apollo's executor and plugin, and the POST middleware's lane. */
@Module({
  providers: [{ provide: QueryLane, inject: [APP_CONFIG, MetricsService], useFactory: (config: AppConfig, metrics: MetricsService) => new QueryLane(new CostLimit(config.graphql.maxCost), metrics) }],
  exports: [QueryLane],
})
export class QueryLaneModule {}

/** The GraphQL endpoint: code-first schema, limits checked before execution, one error formatter. */
@Module({
  imports: [
    QueryLaneModule,
    NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [QueryLaneModule],
      inject: [APP_CONFIG, ROOT_LOGGER, MetricsService, VIEWER_LOOKUP, ModulesContainer, Reflector, ViewerCache, QueryLane],
      useFactory: (
        config: AppConfig,
        logger: RootLogger,
        metrics: MetricsService,
        viewers: ViewerLookup,
        modules: ModulesContainer,
        reflector: Reflector,
        viewerCache: ViewerCache,
        lane: QueryLane,
      ): ApolloDriverConfig => {
        const production = config.nodeEnv === 'production';
        const executor = lane.executor;
        // Nest's config type leaves `gateway` out (its federation driver uses it) but hands every option to Apollo.
        const options: ApolloDriverConfig & { gateway: QueryLane['executor'] } = {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'integer', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          fieldResolverEnhancers: ['guards'],
          // Operations run compiled by graphql-jit (see CompiledExecutorGateway); subscriptions keep graphql-js.
          // Fields that only read their parent's property lose Nest's per-field resolver first (readPropertiesDirectly).
          transformSchema: (schema) => executor.useSchema(readPropertiesDirectly(schema)),
          gateway: executor,
          // Field resolvers that need no more than the global guard and their parent/context run without Nest's
          // async per-call pipeline (the same AuthGuard, called synchronously once its decision is remembered).
          // AuthGuard is the one global guard (APP_GUARD in AccountsModule): a new global guard goes here too.
          // Fields taking @Args() validate them with GraphQLValidationPipe, the one global pipe (APP_PIPE in
          // CoreModule), once per field node and request: a new global pipe goes here too. Root queries run the same
          // lean path only while no global interceptor and no global filter but PassthroughExceptionFilter (APP_FILTER
          // in CoreModule) is registered; with another, they keep Nest's wrapper until the lean path is taught it.
          transformResolvers: leanFieldResolvers(modules, [new AuthGuard(reflector, viewers)], [new GraphQLValidationPipe()], [PassthroughExceptionFilter]),
          context: (http: { req: Request; res: Response } | WsContext): RequestContext => ('extra' in http ? subscriptionContext(http) : httpRequestContext(http)),
          subscriptions: { 'graphql-ws': graphqlWsOptions(config.graphql, viewers) },
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          introspection: config.graphql.introspection,
          hideSchemaDetailsFromClientErrors: production,
          // Requests without a non-simple content type (e.g. GET) must carry one of these headers; the
          // portal sends X-Guildhall-Session on every request, so its GET queries pass too.
          csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-guildhall-session'] },
          allowBatchedHttpRequests: false,
          playground: false,
          graphiql: false,
          autoTransformHttpErrors: false,
          validationRules: [depthLimitRule(config.graphql.maxDepth), aliasLimitRule(config.graphql.maxAliases)],
          // No cache hints are used: Apollo's default cache-control plugin would only wrap every field resolver.
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            costLimitPlugin(lane.costLimit),
            requestErrorsPlugin(logger),
            metricsPlugin(metrics),
            viewerCachePlugin(viewerCache),
            lane.plugin,
          ],
        };
        return options;
      },
    }),
  ],
  exports: [QueryLaneModule],
})
export class GraphQLApiModule {}
