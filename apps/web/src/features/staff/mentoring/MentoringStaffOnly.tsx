import type { ReactNode } from 'react';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/mentoring');

/** Every mentoring console page: MENTORING_COORDINATOR (or an ADMIN); anyone else sees "not found". */
export function MentoringStaffOnly({ children }: { children: ReactNode }) {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      {children}
    </RequireStaff>
  );
}
