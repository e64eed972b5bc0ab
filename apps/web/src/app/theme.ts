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
});

/**
 * Text colours Mantine draws from light shades, moved to darker ones in light mode (and lighter
 * ones in dark) so hints, field errors and alerts reach WCAG AA contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-3)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-3)',
  },
});
