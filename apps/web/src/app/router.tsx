import { createBrowserRouter, type RouteObject } from 'react-router';
import { authRoutes } from '../features/auth/routes.js';
import { homeRoutes } from '../features/home/routes.js';
import { NotFoundPage } from '../features/not-found/NotFoundPage.js';
import { RouteError } from './shell/RouteError.js';
import { AppLayout } from './shell/AppLayout.js';

/**
 * Every page is a child of the shell. Each feature lists its own routes (features/<name>/routes.ts)
 * with `lazy` imports, so each area is its own chunk; add a feature's routes here.
 */
export const routes: RouteObject[] = [
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [...homeRoutes, ...authRoutes, { path: '*', Component: NotFoundPage }],
  },
];

export const router = createBrowserRouter(routes);
