import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // Focus rings for keyboard users only; Mantine's default colours meet WCAG AA contrast.
  focusRing: 'auto',
});
