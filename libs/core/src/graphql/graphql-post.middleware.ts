import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { QueryLane } from './query-lane.js';

/** Why a body was refused: the same `status` and `type` as body-parser's errors, for the same answer. */
export interface BodyError {
  status: number;
  type: 'entity.too.large' | 'entity.parse.failed';
}

export interface GraphQLPostOptions<Context extends BaseContext> {
  /** The started Apollo server (undefined until Nest's GraphQL module has started it: the request goes on to Express). */
  server: () => ApolloServer<Context> | undefined;
  /** The request's context, as the GraphQL module builds it for Nest's own integration. */
  context: (http: { req: Request; res: Response }) => Context | Promise<Context>;
  /** Largest body, in bytes. */
  limit: number;
  /** Answers a refused body (the app's handler for body-parser's errors). */
  refuse: (error: BodyError, req: Request, res: Response) => void;
  /** Runs the queries Apollo already knows without its pipeline (see QueryLane); without it, Apollo answers all. */
  lane?: QueryLane;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * `POST /graphql` with a JSON body, handed to Apollo directly (or, for a query Apollo already validated, run by the
 * query lane, `options.lane`): the body read here, the answer written with `res.end`. Everything else (GET, other content types, compressed or chunked bodies, a query string, the
 * subscriptions' upgrade) goes on to Express's router, body parsers and Nest's own Apollo middleware, unchanged.
 *
 * Why (issue 14): every GraphQL request used to walk the whole router (static assets, the portal's page
 * fallback, the text body parser, Nest's route layers), then body-parser (raw-body, type-is, on-finished), then
 * Apollo's Express integration and `res.send`, which hashes every body for an ETag no POST uses. Mount this
 * after the request id and access log middleware and before the body parsers; it answers what they would:
 * the same 413/400 for a body too large or not JSON (through `refuse`), Express's request and response (so
 * `req.ip`, `req.hostname` and `res.cookie` work as before), and Apollo's status, headers and body.
 */
export type GraphQLPostMiddleware = RequestHandler & {
  /** Whether this middleware answers the request itself (it then never calls `next` but with an error). */
  takes(req: IncomingMessage): boolean;
};

export function graphqlPostMiddleware<Context extends BaseContext>(options: GraphQLPostOptions<Context>): GraphQLPostMiddleware {
  const takes = (req: IncomingMessage): boolean =>
    req.method === 'POST' &&
    req.url === '/graphql' &&
    JSON_TYPE.test(req.headers['content-type'] ?? '') &&
    Number.isSafeInteger(Number(req.headers['content-length'])) &&
    (req.headers['content-encoding'] ?? 'identity').toLowerCase() === 'identity' &&
    options.server() !== undefined;
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const server = takes(req) ? options.server() : undefined;
    if (!server) {
      next();
      return;
    }
    const length = Number(req.headers['content-length']);
    if (length > options.limit) {
      req.resume();
      options.refuse({ status: 413, type: 'entity.too.large' }, req, res);
      return;
    }
    readBody(req, length, (text) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      // body-parser's strict mode: only an object or an array is a JSON body.
      if (typeof body !== 'object' || body === null) {
        options.refuse({ status: 400, type: 'entity.parse.failed' }, req, res);
        return;
      }
      answer(server, options, req, res, body).catch((error: unknown) => next(error));
    }, () => options.refuse({ status: 400, type: 'entity.parse.failed' }, req, res));
  };
  return Object.assign(middleware, { takes });
}

/**
 * Serves the requests `post` takes (POST /graphql with JSON) ahead of Express: the HTTP server's one `request`
 * listener (the Express app) is wrapped, so those requests skip Express's router walk (its per-request layer
 * matching, parameter processing and final handler: ~5% of the API's CPU on `me`) and go through `chain`
 * (the request id, the access log: the middleware Express would run before `post`) and `post`, with Express's
 * request and response as `app.handle` makes them. Every other request goes to Express unchanged.
 * `fail`: the answer to an error `post` passes on (Express's error middleware would give it).
 */
export function serveGraphQLPostAheadOfExpress(
  server: Server,
  app: Express,
  chain: readonly RequestHandler[],
  post: GraphQLPostMiddleware,
  fail: (error: unknown, req: Request, res: Response) => void,
): void {
  const listeners = server.listeners('request');
  if (listeners.length !== 1 || listeners[0] !== app) throw new Error('serveGraphQLPostAheadOfExpress: the HTTP server must have the Express app as its one request listener');
  const handlers = [...chain, post];
  server.removeListener('request', app);
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (!post.takes(incoming)) {
      app(incoming, outgoing);
      return;
    }
    const req = incoming as Request;
    const res = outgoing as Response;
    // What Express's app.handle and router do before the first middleware (x-powered-by is off).
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null) as Record<string, unknown>;
    req.originalUrl = req.url;
    req.baseUrl = '';
    let index = 0;
    const next = (error?: unknown): void => {
      // `post` took the request: it only ever passes an error on.
      if (error !== undefined || index === handlers.length) {
        fail(error ?? new Error('unanswered GraphQL request'), req, res);
        return;
      }
      const handler = handlers[index++];
      try {
        void handler(req, res, next);
      } catch (thrown) {
        next(thrown ?? new Error('a middleware threw'));
      }
    };
    next();
  });
}

/** The body as text once `length` bytes arrived; `fail` when the client sends more or fewer bytes than it said. */
function readBody(req: Request, length: number, done: (text: string) => void, fail: () => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > length) finish(false);
    else chunks.push(chunk);
  };
  const onEnd = () => finish(received === length);
  const onAborted = () => {
    settled = true;
    cleanup();
  };
  const cleanup = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('aborted', onAborted);
  };
  const finish = (ok: boolean) => {
    if (settled) return;
    settled = true;
    cleanup();
    if (!ok) {
      req.resume();
      fail();
      return;
    }
    done(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
}

async function answer<Context extends BaseContext>(server: ApolloServer<Context>, options: GraphQLPostOptions<Context>, req: Request, res: Response, body: object): Promise<void> {
  let context: Context | undefined;
  const plan = options.lane?.plan(body, req.headers.accept);
  if (plan && options.lane) {
    context = await options.context({ req, res });
    const answered = await options.lane.run(plan, context);
    if (answered) {
      res.statusCode = 200;
      res.setHeader('content-type', answered.contentType);
      res.setHeader('content-length', Buffer.byteLength(answered.body));
      res.end(answered.body);
      return;
    }
    // Not answered: Apollo answers with this context, which holds the lane's execution (handOverExecuted).
  }
  const headers = new HeaderMap();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response: HTTPGraphQLResponse = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: async () => context ?? options.context({ req, res }),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** `500kb` / `2mb` (the GUILDHALL_BODY_LIMIT forms) in bytes, as body-parser reads them (1 kb = 1,024 bytes). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(limit);
  if (!match) throw new Error(`not a body limit: ${limit}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'kb' ? 1024 : 1024 * 1024);
}
