import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/** One catalogue (en.json), keyed by feature; a translation adds a file beside it and a line here. */
export const resources = { en: { translation: en } } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export { i18next };
