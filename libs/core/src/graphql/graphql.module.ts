import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RootLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { metricsPlugin } from '../metrics/metrics.plugin.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { formatGraphQLError } from './error-formatter.js';
import { aliasLimitRule, costLimitPlugin, depthLimitRule } from './query-limits.js';
import { RequestContext, RequestLoaders } from './request-context.js';
import { requestErrorsPlugin } from './request-errors.plugin.js';

/** The GraphQL endpoint: code-first schema, limits checked before execution, one error formatter. */
@Module({
  imports: [
    NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, ROOT_LOGGER, MetricsService],
      useFactory: (config: AppConfig, logger: RootLogger, metrics: MetricsService): ApolloDriverConfig => {
        const production = config.nodeEnv === 'production';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'integer' },
          fieldResolverEnhancers: ['guards'],
          context: ({ req, res }: { req: Request; res: Response }): RequestContext => ({
            req,
            res,
            requestId: String(req.id ?? ''),
            clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
            loaders: new RequestLoaders(),
          }),
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
          plugins: [costLimitPlugin(config.graphql.maxCost), requestErrorsPlugin(logger), metricsPlugin(metrics)],
        };
      },
    }),
  ],
})
export class GraphQLApiModule {}
