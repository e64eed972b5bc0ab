import 'i18next';
import type en from './en.json';
import type enStaff from './en.staff.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    /** Both files are one namespace: the console's keys are checked like every other. */
    resources: { translation: typeof en & typeof enStaff };
  }
}
