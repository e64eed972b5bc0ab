import 'i18next';
import type en from './en.json';
import type enPages from './en.pages.json';
import type enStaff from './en.staff.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    /** The three files are one namespace: every key is checked alike, wherever its file loads. */
    resources: { translation: typeof en & typeof enPages & typeof enStaff };
  }
}
