import { isUtf8 } from 'node:buffer';
import { type ImportProblem } from './member-csv.columns.js';

const MAX_REPORTED_LINES = 1000;

/**
 * Decodes a file that must be UTF-8 (a byte-order mark is dropped). Invalid bytes are not replaced
 * (that would silently corrupt names): each line holding one is reported instead.
 */
export function decodeUtf8(bytes: Buffer): { text: string } | { problems: ImportProblem[] } {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes) };
  return { problems: invalidUtf8Lines(bytes) };
}

/** The lines (1-based) with bytes that are not UTF-8, with the first bad byte of each. */
function invalidUtf8Lines(bytes: Buffer): ImportProblem[] {
  const problems: ImportProblem[] = [];
  let line = 1;
  let lastReported = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) {
      line++;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (line !== lastReported) {
      lastReported = line;
      if (problems.length === MAX_REPORTED_LINES) {
        problems.push({ line: null, column: null, message: 'more lines are not valid UTF-8 (only the first 1000 are listed)' });
        break;
      }
      problems.push({
        line,
        column: null,
        message: `is not valid UTF-8 (byte 0x${b.toString(16).padStart(2, '0').toUpperCase()} at byte offset ${i}): save the file as UTF-8 and try again`,
      });
    }
    i++;
  }
  return problems;
}

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is not one (RFC 3629). */
function sequenceLength(bytes: Buffer, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
