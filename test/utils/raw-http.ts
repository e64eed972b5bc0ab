import { request as httpRequest } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A POST with exactly these headers (fetch adds its own, e.g. `accept: *\/*`, and cannot send a body shorter than its
 * Content-Length: `declaredLength` can), answered with the status, every header and the body as sent.
 */
export function rawPost(url: string, headers: Record<string, string | number>, body: string, declaredLength = Buffer.byteLength(body)): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-length': declaredLength } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
