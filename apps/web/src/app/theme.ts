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
    // The hovered navigation link: indigo-9 on indigo-1 keeps 4.5:1 (the default tint gave 4.1).
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
    // Status badges and notices (membership, verification): even shade 9 of these on their light
    // tint stays under 4.5:1, so their text is near-black on the tinted background.
    '--mantine-color-green-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-3)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-3)',
    '--mantine-color-green-light-color': 'var(--mantine-color-green-3)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-yellow-3)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-3)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-3)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-3)',
  },
});
