import type en from './en.json';
import type enPages from './en.pages.json';
import type enStaff from './en.staff.json';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Any key of the catalogue, e.g. 'nav.home' (checked by the compiler). */
export type MessageKey = Leaves<typeof en & typeof enPages & typeof enStaff>;
