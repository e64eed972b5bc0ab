import { useSearchParams } from 'react-router';

/** The `token` parameter of an emailed link (`/reset-password?token=…`), or null. */
export function useLinkToken(): string | null {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token && token.trim() ? token.trim() : null;
}
