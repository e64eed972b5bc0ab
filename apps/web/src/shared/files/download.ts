import { getAccessToken } from '../session/session-store.js';

/**
 * Fetches a file the API serves to the signed-in person (bearer token, never in the URL) and hands
 * it to the browser as a download. Throws when the API answers with an error status.
 */
export async function downloadWithToken(url: string, filename: string): Promise<void> {
  const token = getAccessToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`Download failed with status ${response.status}`);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }
}
