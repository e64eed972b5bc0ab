import type { ReactNode } from 'react';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/payments');

/** Every payments page: FINANCE staff (and admins) only; others see the not-found page. */
export function FinanceOnly({ children }: { children: ReactNode }) {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      {children}
    </RequireStaff>
  );
}
