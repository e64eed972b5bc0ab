import { useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, useMutation } from 'urql';
import { useActionError } from '../ui/forms/useActionError.js';

/**
 * One API token's row state, for the member's list and the console's: whether it has expired (as of
 * the moment the row was first shown: an expiry passing while the page is open shows on the next
 * visit) and its revoke action with the error to show beside it.
 */
export function useRevokeToken<Data, Variables extends AnyVariables & { id: string }>(
  revokeDocument: TypedDocumentNode<Data, Variables>,
  token: { id: string; expiresAt: string },
) {
  const [{ fetching }, revoke] = useMutation(revokeDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [shownAt] = useState(() => Date.now());
  const expired = new Date(token.expiresAt).getTime() <= shownAt;
  const onRevoke = async () => {
    clearAlert();
    const result = await revoke({ id: token.id } as Variables);
    if (result.error) showError(result.error);
  };
  return { expired, onRevoke, revoking: fetching, alert };
}
