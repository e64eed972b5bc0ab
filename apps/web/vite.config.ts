import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the API listens during `npm run dev` (the API's PORT). */
const apiTarget = process.env.GUILDHALL_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
/** Paths the API answers; during development Vite passes them through. */
const apiPaths = ['/graphql', '/webhooks', '/admin', '/health', '/ready', '/explorer', '/metrics', '/certificates', '/events.ics'];

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
  },
  server: {
    proxy: {
      ...Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget }])),
      // The calendar files live beside the events pages: only the .ics files go to the API.
      '^/(events|study-groups)/[^/]+\\.ics$': { target: apiTarget },
    },
  },
});
