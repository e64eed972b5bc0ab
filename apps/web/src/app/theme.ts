import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Indigo at shade 8 for filled buttons and links: white on it, and it on white, pass WCAG AA
 * (Mantine's default shade 6 gives 4.3:1, under the 4.5 needed for body text; axe checks it).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  // People who ask their system for less motion get modals, menus and notifications without
  // transitions (the browser tests run so: axe then reads a dialog at full opacity, not mid-fade).
  respectReducedMotion: true,
});

/** Colours used with Mantine's "light" variant (badges, alerts, active navigation). */
const LIGHT_VARIANT_COLORS = ['indigo', 'red', 'green', 'gray', 'orange', 'yellow', 'blue', 'teal'] as const;

/**
 * Text colours Mantine draws from middle shades, moved so every text reaches WCAG AA contrast
 * (4.5:1; axe checks it in the browser tests): in light mode light-variant text is shade 9 on
 * shade 0 (hover 1), green/teal/yellow/orange text darker still; in dark mode the lighter shades.
 */
const DARK_TEXT: Partial<Record<(typeof LIGHT_VARIANT_COLORS)[number], string>> = {
  green: '#1b5e2a',
  teal: '#075e54',
  yellow: '#6b4a00',
  orange: '#8a3505',
};

export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  };
  for (const color of LIGHT_VARIANT_COLORS) {
    light[`--mantine-color-${color}-light`] = `var(--mantine-color-${color}-0)`;
    light[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
    light[`--mantine-color-${color}-light-color`] = DARK_TEXT[color] ?? `var(--mantine-color-${color}-9)`;
    dark[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-2)`;
  }
  return { variables: {}, light, dark };
};
