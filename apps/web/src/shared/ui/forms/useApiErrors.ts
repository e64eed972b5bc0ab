import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { ReadableError } from '../../errors/graphql-errors.js';
import { applyApiError, type ErrorTarget } from './apply-api-error.js';

/**
 * API errors for a Mantine form (useForm): `showError(error)` puts each message that
 * `extensions.fields` names beside its field and anything else in `alert` (render it with
 * FormAlert). The inputs are never cleared on failure.
 */
export function useApiErrors<Values extends object>(form: ErrorTarget<Values>, options: { prefix?: string } = {}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);

  const describe = (error: ReadableError): string => {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.code === 'INTERNAL_SERVER_ERROR') return t('errors.unexpected');
    if (error.code === 'TOO_MANY_REQUESTS') return t('errors.tooManyRequests');
    return error.message;
  };

  return {
    alert,
    clearAlert: () => setAlert(null),
    showError: (error: CombinedError) => setAlert(applyApiError(form, error, { prefix: options.prefix, describe })),
  };
}
