import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { API_FILES, API_PREFIXES } from '../api/src/portal/reserved-paths.ts';

/** Where the API listens during `npm run dev` (the API's PORT). */
const apiTarget = process.env.GUILDHALL_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
/**
 * Paths the API answers (the same list the API's portal fallback keeps clear of): during development Vite
 * passes them through. /assets is the built portal's, which Vite serves from source in development.
 */
const apiPaths = API_PREFIXES.filter((path) => path !== '/assets');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // The repository root also holds React 18 (the GraphQL explorer serves its UMD build); one copy
    // of React, the portal's, goes into the bundle.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    // No inline script in index.html: the Content-Security-Policy allows scripts from 'self' only,
    // and every browser we support has native module preload.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // The budget that matters is the first page's (npm run check:bundle); the entry chunk is React, Mantine and the router.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      // /graphql carries the live subscriptions too (graphql-ws over a WebSocket upgrade).
      ...Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, ws: path === '/graphql' }])),
      // The calendar files live beside the portal's pages of the same area: only they go to the API.
      ...Object.fromEntries(API_FILES.map((file) => [file.source, { target: apiTarget }])),
    },
  },
});
