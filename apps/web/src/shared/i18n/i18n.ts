import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * The catalogue is one namespace in three files, so the first page carries only what it shows:
 * - en.json: the shell (navigation, account menu, banners, errors, loading states), home and not-found;
 * - en.pages.json: every other area of the portal, loaded with the first page that needs it
 *   (`loadPageStrings`: app/router.tsx makes every route but home and not-found wait for it);
 * - en.staff.json: the console (every top-level key starting with `staff`), loaded with its first page
 *   (`loadStaffStrings`, awaited by features/staff/routes.ts).
 * A new area's strings go to en.pages.json (or en.staff.json); en.json only for the shell and home.
 * A translation adds files beside these and a line here.
 */
export const resources = { en: { translation: en } } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function loadOnce(load: () => Promise<{ default: object }>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () => {
    loading ??= load().then(({ default: strings }) => {
      i18next.addResourceBundle('en', 'translation', strings, true, false);
    });
    return loading;
  };
}

/** Adds the portal's page strings to the catalogue once; routes (and lazy shell parts) await it before rendering. */
export const loadPageStrings = loadOnce(() => import('./en.pages.json'));

/** Adds the console's strings to the catalogue once; every console route awaits it before rendering. */
export const loadStaffStrings = loadOnce(() => import('./en.staff.json'));

export { i18next };
