import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * The catalogue, keyed by feature: en.json ships with the first page; the staff console's strings
 * (en.staff.json, every top-level key starting with `staff`) load with the console's first page
 * (`loadStaffStrings`, awaited by features/staff/routes.ts), so members never download them.
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

let staffStrings: Promise<void> | undefined;

/** Adds the console's strings to the catalogue once; every console route awaits it before rendering. */
export function loadStaffStrings(): Promise<void> {
  staffStrings ??= import('./en.staff.json').then(({ default: staff }) => {
    i18next.addResourceBundle('en', 'translation', staff, true, false);
  });
  return staffStrings;
}

export { i18next };
