import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.js';

/**
 * A page: its title (also document.title) as the one h1, then its content. A `standalone` title is
 * the whole document title (the home page's association name), without the app's name after it.
 */
export function Page({
  title,
  children,
  actions,
  standalone = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  standalone?: boolean;
}) {
  usePageTitle(title, { standalone });
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}
