import { getAccessToken } from '../session/session-store.js';

/** Sends a file as the request body to an API route for the signed-in person (bearer token); the status and the JSON answer. */
export async function postFileWithToken(url: string, file: Blob, contentType: string): Promise<{ status: number; body: unknown }> {
  const token = getAccessToken();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: file,
  });
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
}
