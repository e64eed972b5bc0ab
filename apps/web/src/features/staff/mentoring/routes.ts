import type { RouteObject } from 'react-router';

/** The mentoring console: programs and cohorts, a cohort's applications, the matching board, the cohort report. */
export const staffMentoringRoutes: RouteObject[] = [
  { path: 'staff/mentoring', lazy: async () => ({ Component: (await import('./ProgramsPage.js')).ProgramsPage }) },
  { path: 'staff/mentoring/cohorts/:cohortId', lazy: async () => ({ Component: (await import('./CohortPage.js')).CohortPage }) },
  { path: 'staff/mentoring/cohorts/:cohortId/applications', lazy: async () => ({ Component: (await import('./ApplicationsQueuePage.js')).ApplicationsQueuePage }) },
  { path: 'staff/mentoring/cohorts/:cohortId/matching', lazy: async () => ({ Component: (await import('./MatchingBoardPage.js')).MatchingBoardPage }) },
  { path: 'staff/mentoring/cohorts/:cohortId/report', lazy: async () => ({ Component: (await import('./CohortReportPage.js')).CohortReportPage }) },
];
