import type { MessageKey } from '../../shared/i18n/message-key.js';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to signed-in people. */
  signedIn?: boolean;
}

/** The main navigation; a feature with a top-level page adds its line here. */
export const navItems: NavItem[] = [{ to: '/', label: 'nav.home' }];
