import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import {
  accessLogMiddleware,
  AppConfig,
  type BodyError,
  bodyLimitBytes,
  createRootLogger,
  graphqlPostMiddleware,
  httpRequestContext,
  loadConfig,
  NestPinoLogger,
  QueryLane,
  type RequestContext,
  requestIdMiddleware,
  ROOT_LOGGER,
  RootLogger,
  serveGraphQLPostAheadOfExpress,
} from '../../../libs/core/src/index.js';
import { AppModule } from './app.module.js';
import { servePortal } from './portal/serve-portal.js';

/**
 * Builds the HTTP app: raw body kept (Stripe signatures), a JSON body limit, request ids and
 * access logs, the portal's files and page fallback, then Nest's modules. Used by main.ts and by the end-to-end tests alike.
 */
export async function createApp(config: AppConfig = loadConfig()): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    rawBody: true,
    bodyParser: false,
    // JSON lines from the first moment: a database that does not answer at start is said at once
    // ("Unable to connect to the database. Retrying (1)..."), not after the retries in Nest's console format.
    logger: new NestPinoLogger(createRootLogger(config.logLevel)),
    abortOnError: false,
  });
  const logger = app.get<RootLogger>(ROOT_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  if (config.trustProxy) app.set('trust proxy', true);
  app.disable('x-powered-by');
  const accessLog = accessLogMiddleware(logger);
  app.use(requestIdMiddleware);
  app.use(accessLog);
  // POST /graphql with JSON goes straight to Apollo (the rest of this list and Nest's routes are for everything else).
  let apollo: ApolloServer<RequestContext> | undefined;
  const graphqlPost = graphqlPostMiddleware({
    server: () => (apollo ??= (app.get(GraphQLModule, { strict: false }).graphQlAdapter as ApolloDriver).instance as unknown as ApolloServer<RequestContext> | undefined),
    context: httpRequestContext,
    limit: bodyLimitBytes(config.bodyLimit),
    refuse: (error, req, res) => bodyErrorHandler(error, req, res, () => undefined),
    lane: app.get(QueryLane, { strict: false }),
  });
  app.use(graphqlPost);
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('text', { limit: '50mb', type: ['text/csv', 'text/plain'] });
  app.use(bodyErrorHandler);
  servePortal(app, config.webDir);
  // …and before Express's router: the same three middlewares, without the router's walk to them.
  serveGraphQLPostAheadOfExpress(app.getHttpServer(), app.getHttpAdapter().getInstance(), [requestIdMiddleware, accessLog], graphqlPost, (error, req, res) =>
    bodyErrorHandler(error as BodyError, req, res, () => undefined),
  );
  return app;
}

/** Oversized or malformed bodies answer in the GraphQL error shape, not an HTML page. */
function bodyErrorHandler(error: { status?: number; type?: string } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const status = error.status ?? 400;
  const tooLarge = error.type === 'entity.too.large';
  res.status(status).json({
    errors: [
      {
        message: tooLarge ? 'The request body is too large' : 'The request body is not valid JSON',
        extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
      },
    ],
  });
}
