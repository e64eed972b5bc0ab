import { createBrowserRouter, type RouteObject } from 'react-router';
import { accountRoutes } from '../features/account/routes.js';
import { authRoutes } from '../features/auth/routes.js';
import { certificatesRoutes } from '../features/certificates/routes.js';
import { dashboardRoutes } from '../features/dashboard/routes.js';
import { directoryRoutes } from '../features/directory/routes.js';
import { eventsRoutes } from '../features/events/routes.js';
import { homeRoutes } from '../features/home/routes.js';
import { membershipRoutes } from '../features/membership/routes.js';
import { profileRoutes } from '../features/profile/routes.js';
import { myEventsRoutes } from '../features/my-events/routes.js';
import { mentoringRoutes } from '../features/mentoring/routes.js';
import { transcriptRoutes } from '../features/transcript/routes.js';
import { NotFoundPage } from '../features/not-found/NotFoundPage.js';
import { studyGroupMemberRoutes, studyGroupsRoutes } from '../features/study-groups/routes.js';
import { LoadingState } from '../shared/ui/states.js';
import { staffRoutes } from '../features/staff/routes.js';
import { privacyRoutes } from '../features/privacy/routes.js';
import { discussionsRoutes } from '../features/discussions/routes.js';
import { loadPageStrings } from '../shared/i18n/i18n.js';
import { withStrings } from '../shared/i18n/with-strings.js';
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
    // Shown while the first page's lazy chunk loads.
    HydrateFallback: LoadingState,
    children: [
      ...homeRoutes,
      // Every other page waits for the page strings (en.pages.json) as its chunk loads; home and not-found need only en.json.
      ...withStrings(
        [
          ...authRoutes,
          ...accountRoutes,
          ...dashboardRoutes,
          ...membershipRoutes,
          ...profileRoutes,
          ...directoryRoutes,
          ...eventsRoutes,
          ...studyGroupsRoutes,
          ...studyGroupMemberRoutes,
          ...myEventsRoutes,
          ...transcriptRoutes,
          ...mentoringRoutes,
          ...certificatesRoutes,
          ...staffRoutes,
          ...privacyRoutes,
          ...discussionsRoutes,
        ],
        loadPageStrings,
      ),
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const router = createBrowserRouter(routes);
