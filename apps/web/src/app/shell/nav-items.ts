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
  { to: '/staff', label: 'nav.staff', signedIn: true, staff: true },
];
