/** Pages of other areas the dashboard points to (member-b's areas; paths only, no imports). */
export const LINKS = {
  myEvents: '/my-events',
  studyGroups: '/study-groups',
  mentoring: '/mentoring',
} as const;
