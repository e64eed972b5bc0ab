import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · <app name>" (or, standalone, "<page>") while the page is shown. */
export function usePageTitle(title: string | null | undefined, { standalone = false }: { standalone?: boolean } = {}): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    if (!title) document.title = appName;
    else document.title = standalone || title === appName ? title : `${title} · ${appName}`;
  }, [title, appName, standalone]);
}
