/**
 * The ticket QR code holds the registration's 10-character check-in code and nothing else (see the
 * API's tickets/ticket-qr.ts); the same code is printed under it for typing. What a scanner reads,
 * or a person types, becomes that code, or null when it is not one.
 */
export function ticketCodeFrom(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9]{10}$/.test(code) ? code : null;
}
