import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The explorer's files, served from installed packages: it works with no internet access. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Guildhall GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer"></div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script src="/explorer/assets/boot.js"></script>
</body>
</html>`;

const BOOT = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('explorer')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
);`;

/** GraphiQL at /explorer, bundled locally (no CDN). Off in production unless introspection is on. */
@Controller('explorer')
export class ExplorerController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    this.assertEnabled();
    return PAGE;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    this.assertEnabled();
    if (name === 'boot.js') {
      res.type('text/javascript').send(BOOT);
      return;
    }
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException();
    res.type(asset.type).setHeader('cache-control', 'public, max-age=86400');
    res.sendFile(asset.file);
  }

  private assertEnabled(): void {
    if (!this.config.graphql.introspection) throw new NotFoundException();
  }
}
