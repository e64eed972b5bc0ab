import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type GraphQLPostMiddleware, serveGraphQLPostAheadOfExpress } from './graphql-post.middleware.js';

/** A stand-in for graphqlPostMiddleware: takes POST /graphql; answers, or passes `error` on when the body says so. */
function fakePost(seen: string[]): GraphQLPostMiddleware {
  const takes = (req: { method?: string; url?: string }) => req.method === 'POST' && req.url === '/graphql';
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (!takes(req)) return next();
    seen.push(`post ${(req as Request & { id?: string }).id} ${req.ip !== undefined} ${typeof res.cookie}`);
    if (req.headers['x-fail']) next(new Error('apollo failed'));
    else res.status(200).json({ answered: 'ahead' });
  };
  return Object.assign(middleware, { takes });
}

describe('serveGraphQLPostAheadOfExpress', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function start(seen: string[]) {
    const app = express();
    const tag = (name: string) => (req: Request, _res: Response, next: NextFunction) => {
      if (name === 'id') (req as Request & { id?: string }).id = 'r1';
      seen.push(name);
      next();
    };
    const post = fakePost(seen);
    app.use(tag('id'), tag('log'), post);
    app.use((_req: Request, res: Response) => res.status(404).json({ answered: 'express' }));
    server = createServer(app);
    serveGraphQLPostAheadOfExpress(server, app, [tag('id'), tag('log')], post, (error, _req, res) => res.status(500).json({ failed: (error as Error).message }));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("runs the chain, then the taken request's middleware, with Express's request and response; others go to Express", async () => {
    const seen: string[] = [];
    const url = await start(seen);
    const taken = await fetch(`${url}/graphql`, { method: 'POST', body: '{}' });
    expect(await taken.json()).toEqual({ answered: 'ahead' });
    expect(seen).toEqual(['id', 'log', 'post r1 true function']);
    const other = await fetch(`${url}/elsewhere`, { method: 'POST', body: '{}' });
    expect(await other.json()).toEqual({ answered: 'express' });
    expect(seen).toEqual(['id', 'log', 'post r1 true function', 'id', 'log']);
  });

  it('answers an error the middleware passes on with `fail`', async () => {
    const url = await start([]);
    const failed = await fetch(`${url}/graphql`, { method: 'POST', body: '{}', headers: { 'x-fail': '1' } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ failed: 'apollo failed' });
  });

  it('refuses a server whose request listener is not the Express app alone', () => {
    const app = express();
    const other = createServer(() => undefined);
    expect(() => serveGraphQLPostAheadOfExpress(other, app, [], fakePost([]), () => undefined)).toThrow(/one request listener/);
  });
});
