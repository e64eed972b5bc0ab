/**
 * A small RFC 5545 writer: content lines with parameters, TEXT escaping, and folding at 75 octets
 * (never inside a UTF-8 sequence), joined with CRLF.
 */
const MAX_OCTETS = 75;

/** TEXT values (3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values (3.2): quoted when they hold `:`, `;` or `,`; DQUOTE and controls are not allowed at all. */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(lines.length === 0 ? current : ` ${current}`);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(lines.length === 0 ? current : ` ${current}`);
  return lines;
}

export class IcsWriter {
  private readonly lines: string[] = [];

  begin(component: string): this {
    return this.raw('BEGIN', component);
  }

  end(component: string): this {
    return this.raw('END', component);
  }

  /** A property whose value is already in iCalendar form (dates, rules, offsets). */
  raw(name: string, value: string, params: Record<string, string> = {}): this {
    const paramText = Object.entries(params)
      .map(([key, v]) => `;${key}=${paramValue(v)}`)
      .join('');
    this.lines.push(...foldLine(`${name}${paramText}:${value}`));
    return this;
  }

  /** A TEXT property, escaped. */
  text(name: string, value: string, params: Record<string, string> = {}): this {
    return this.raw(name, escapeText(value), params);
  }

  /** Every line another writer holds, after this one's (a block written once and reused). */
  append(other: IcsWriter): this {
    this.lines.push(...other.lines);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\r\n')}\r\n`;
  }
}

/** 20260105T190000 (a local date-time, for use with TZID). */
export function formatLocal(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** 20260105T180000Z */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** +0130 / -0500 from minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
