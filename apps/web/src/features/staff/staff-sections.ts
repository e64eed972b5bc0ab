import type { MessageKey } from '../../shared/i18n/message-key.js';

export interface StaffSection {
  to: string;
  label: MessageKey;
  description: MessageKey;
  /** Any one of these opens the section (an ADMIN holds every one). */
  permissions: readonly string[];
}

/** The console's sections, each for the staff permissions the API asks of its operations. */
export const staffSections: StaffSection[] = [
  { to: '/staff/approvals', label: 'staff.approvals.title', description: 'staff.approvals.description', permissions: ['MEMBERSHIP_MANAGER'] },
  { to: '/staff/import', label: 'staff.import.title', description: 'staff.import.description', permissions: ['MEMBERSHIP_MANAGER'] },
  { to: '/staff/check-in', label: 'staff.checkIn.title', description: 'staff.checkIn.description', permissions: ['CHECK_IN', 'EVENT_MANAGER'] },
  {
    to: '/staff/reports',
    label: 'staff.reports.title',
    description: 'staff.reports.description',
    permissions: ['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER'],
  },
  { to: '/staff/audit', label: 'staff.audit.title', description: 'staff.audit.description', permissions: ['ADMIN'] },
  { to: '/staff/outbox', label: 'staff.outbox.title', description: 'staff.outbox.description', permissions: ['ADMIN'] },
  { to: '/staff/integrations', label: 'staffIntegrations.title', description: 'staffIntegrations.description', permissions: ['ADMIN'] },
  { to: '/staff/payments', label: 'staffPayments.title', description: 'staffPayments.description', permissions: ['FINANCE'] },
  { to: '/staff/mentoring', label: 'staffMentoring.title', description: 'staffMentoring.description', permissions: ['MENTORING_COORDINATOR'] },
  { to: '/staff/events', label: 'staffEvents.list.title', description: 'staffEvents.list.description', permissions: ['EVENT_MANAGER'] },
  { to: '/staff/members', label: 'staffMembers.search.title', description: 'staffMembers.search.description', permissions: ['MEMBERSHIP_MANAGER'] },
  { to: '/staff/invitations', label: 'staffMembers.invitations.title', description: 'staffMembers.invitations.description', permissions: ['MEMBERSHIP_MANAGER'] },
  { to: '/staff/tiers', label: 'staffMembers.tiers.title', description: 'staffMembers.tiers.description', permissions: ['MEMBERSHIP_MANAGER'] },
  { to: '/staff/communities', label: 'staffCommunities.title', description: 'staffCommunities.description', permissions: ['COMMUNITY_MANAGER'] },
];

export const sectionAt = (to: string): StaffSection => {
  const section = staffSections.find((s) => s.to === to);
  if (!section) throw new Error(`No staff section at ${to}`);
  return section;
};
