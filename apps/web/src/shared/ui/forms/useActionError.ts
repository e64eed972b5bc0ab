import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { readError } from '../../errors/graphql-errors.js';

/**
 * The message of a failed action that has no form (a button): the API's own words, or a plain
 * sentence for network and unexpected errors. Render `alert` with FormAlert.
 */
export function useActionError() {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  return {
    alert,
    clearAlert: () => setAlert(null),
    setAlert,
    showError: (error: CombinedError) => {
      const readable = readError(error);
      if (readable.code === 'NETWORK') setAlert(t('errors.network'));
      else if (readable.code === 'INTERNAL_SERVER_ERROR') setAlert(t('errors.unexpected'));
      else setAlert(readable.message);
    },
  };
}
