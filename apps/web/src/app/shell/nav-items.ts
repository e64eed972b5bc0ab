import type { MessageKey } from '../../shared/i18n/message-key.js';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to signed-in people. */
  signedIn?: boolean;
  /** Shown only to staff (the console). */
  staff?: boolean;
}

/** The main navigation; a feature with a top-level page adds its line here. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/dashboard', label: 'nav.dashboard', signedIn: true },
  { to: '/events', label: 'nav.events' },
  { to: '/study-groups', label: 'nav.studyGroups' },
  { to: '/verify', label: 'nav.verify' },
  { to: '/my-events', label: 'nav.myEvents', signedIn: true },
  { to: '/transcript', label: 'nav.transcript', signedIn: true },
  { to: '/my-groups', label: 'nav.myGroups', signedIn: true },
  { to: '/mentoring', label: 'nav.mentoring', signedIn: true },
  { to: '/membership', label: 'nav.membership', signedIn: true },
  { to: '/directory', label: 'nav.directory', signedIn: true },
  { to: '/profile', label: 'nav.profile', signedIn: true },
  { to: '/account', label: 'nav.account', signedIn: true },
  { to: '/privacy', label: 'privacy.navLabel', signedIn: true },
  { to: '/staff', label: 'nav.staff', signedIn: true, staff: true },
  { to: '/community', label: 'community.nav' },
];
