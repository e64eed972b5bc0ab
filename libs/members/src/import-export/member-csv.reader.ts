import { parse } from 'csv-parse/sync';
import { type ImportProblem, type KnownColumn, PROFILE_COLUMNS, REQUIRED_COLUMNS } from './member-csv.columns.js';
import { unescapeFormula } from './spreadsheet-formula.js';

/** One data row: its first line in the file and its cells by known column (absent columns are missing). */
export interface CsvRecord {
  line: number;
  cells: Partial<Record<KnownColumn, string>>;
}

export interface CsvTable {
  /** The known columns the header has (the required ones at least, when there are no errors). */
  columns: Set<KnownColumn>;
  records: CsvRecord[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export const MAX_ROWS = 200_000;

const KNOWN: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...PROFILE_COLUMNS]);

/**
 * Splits the text into records (RFC 4180: quoted cells may hold commas, quotes and newlines).
 * A header row is required; column names are matched case-insensitively. Every malformed record
 * is reported with the line it starts on, and reading goes on so the whole file is checked at once.
 */
export function readMemberCsv(text: string): CsvTable {
  const table: CsvTable = { columns: new Set(), records: [], errors: [], warnings: [] };
  if (text.trim() === '') {
    table.errors.push({ line: null, column: null, message: `the file is empty: it needs a header row (${REQUIRED_COLUMNS.join(', ')}) and at least one member` });
    return table;
  }

  let previousEnd = 0;
  let previousEmpty = 0;
  const raw: Array<{ line: number; fields: string[] }> = [];
  const parsed = parse(text, {
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = (error as { lines?: number } | undefined)?.lines ?? null;
      table.errors.push({ line, column: null, message: `is not valid CSV: ${csvMessage(error?.message)}` });
      if (line !== null) previousEnd = line;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
  for (const { record, info } of parsed) {
    // A record starts after the previous one ended and after the empty lines skipped since.
    const line = previousEnd + (info.empty_lines - previousEmpty) + 1;
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    raw.push({ line, fields: record });
  }

  const header = raw.shift();
  if (!header) {
    table.errors.push({ line: 1, column: null, message: 'has no readable header row' });
    return table;
  }
  const indexOf = readHeader(header, table);
  if (!raw.length) {
    table.errors.push({ line: null, column: null, message: 'the file has a header but no members' });
  }
  if (raw.length > MAX_ROWS) {
    table.errors.push({ line: null, column: null, message: `the file has ${raw.length} rows; at most ${MAX_ROWS} can be imported at once: split it` });
    return table;
  }
  if (table.errors.length && !indexOf.size) return table;

  for (const { line, fields } of raw) {
    if (fields.length !== header.fields.length) {
      table.errors.push({ line, column: null, message: `has ${fields.length} fields but the header has ${header.fields.length}` });
      continue;
    }
    const cells: Partial<Record<KnownColumn, string>> = {};
    for (const [column, index] of indexOf) cells[column] = unescapeFormula(fields[index].trim());
    table.records.push({ line, cells });
  }
  return table;
}

function readHeader(header: { line: number; fields: string[] }, table: CsvTable): Map<KnownColumn, number> {
  const indexOf = new Map<KnownColumn, number>();
  header.fields.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!KNOWN.has(key)) {
      table.warnings.push({ line: header.line, column: name, message: `is not a column the import knows; it is ignored` });
    } else if (indexOf.has(key as KnownColumn)) {
      table.errors.push({ line: header.line, column: key, message: 'appears more than once in the header' });
    } else {
      indexOf.set(key as KnownColumn, index);
      table.columns.add(key as KnownColumn);
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !indexOf.has(c));
  for (const column of missing) {
    table.errors.push({ line: header.line, column, message: `is a required column and the header does not have it (required: ${REQUIRED_COLUMNS.join(', ')})` });
  }
  return missing.length ? new Map() : indexOf;
}

/** csv-parse messages mention its option names; keep the part a person can act on. */
function csvMessage(message: string | undefined): string {
  if (!message) return 'unreadable record';
  return message.replace(/ at line \d+.*$/s, '').replace(/^Invalid Closing Quote: /, 'a quoted cell has text after its closing quote: ').replace(/^Quote Not Closed: /, 'a quoted cell is never closed: ');
}
