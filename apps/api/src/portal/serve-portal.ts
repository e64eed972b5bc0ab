import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './reserved-paths.js';
import { HTML_HEADERS } from './security-headers.js';

const ONE_YEAR_SECONDS = 31_536_000;

/**
 * Serves the built portal (apps/web, built into `webDir` by `npm run build:web`) from the API:
 *   - /assets/*: Vite's hashed files, cached for a year as immutable; an unknown one is a JSON 404;
 *   - any other GET that accepts HTML and is not an API path: index.html (`no-cache`, with the
 *     Content-Security-Policy), so the portal's own router shows the page.
 * Registered before Nest's routes; everything else goes on to them. Without a build, pages answer
 * a short note saying how to build the portal (API-only development).
 */
export function servePortal(app: NestExpressApplication, webDir: string): void {
  const assetsDir = join(webDir, 'assets');
  const indexFile = join(webDir, 'index.html');

  app.useStaticAssets(assetsDir, {
    prefix: '/assets',
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    immutable: true,
    maxAge: ONE_YEAR_SECONDS * 1000,
    setHeaders: (res: Response) => {
      res.setHeader('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  app.use('/assets', (_req: Request, res: Response) => {
    res.status(404).json({ statusCode: 404, message: 'No such asset', error: 'Not Found' });
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !acceptsHtml(req)) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').set('Cache-Control', 'no-store').send(NOT_BUILT);
      return;
    }
    res.set(HTML_HEADERS);
    res.sendFile(indexFile, { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
}

/** Browsers ask for text/html by name; API clients send `*\/*` or JSON and get the API's JSON 404. */
function acceptsHtml(req: Request): boolean {
  return /\btext\/html\b/i.test(req.headers.accept ?? '');
}

const NOT_BUILT = [
  'The Guildhall portal is not built.',
  'Build it with `npm run build:web` (or `npm start`, which builds the API and the portal),',
  'or run `npm run dev` for the portal with hot reload. The API is at /graphql and /explorer.',
  '',
].join('\n');
