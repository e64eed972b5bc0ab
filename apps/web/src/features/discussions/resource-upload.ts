import { getAccessToken } from '../../shared/session/session-store.js';

/** Uploads a file to a space's shelf (multipart, field `file`), with the bearer token from memory. */
export async function uploadResource(spaceId: string, file: File, title: string): Promise<{ ok: boolean; message: string | null }> {
  const form = new FormData();
  form.append('file', file);
  if (title.trim()) form.append('title', title.trim());
  const token = getAccessToken();
  const response = await fetch(`/spaces/${encodeURIComponent(spaceId)}/resources`, {
    method: 'POST',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    body: form,
  });
  if (response.ok) return { ok: true, message: null };
  let message: string | null = null;
  try {
    const body = (await response.json()) as { message?: unknown };
    message = typeof body.message === 'string' ? body.message : null;
  } catch {
    message = null;
  }
  return { ok: false, message };
}
