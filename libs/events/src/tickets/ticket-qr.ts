import QRCode from 'qrcode';

/**
 * The QR code on a ticket, as an SVG document: it holds the registration's check-in code and
 * nothing else, so a scanner at the door (or the code typed by hand) finds the same registration.
 * Rendered by `qrcode` (pure JavaScript, no canvas), medium error correction for phone screens and print.
 */
export function ticketQrSvg(checkInCode: string): Promise<string> {
  return QRCode.toString(checkInCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
