/**
 * Headers of the portal's HTML. Scripts come only from this origin (index.html has no inline
 * script; Vite's module-preload polyfill is off). Styles also allow 'unsafe-inline' because Mantine
 * writes its CSS variables and some component styles into <style> tags and style attributes at run
 * time. Images may be data:/blob: URLs (avatars, generated QR codes); the API and its subscriptions
 * are same-origin (ws: and wss: for those).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const HTML_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-cache',
};
