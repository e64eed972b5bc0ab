import { readFile } from 'node:fs/promises';
import { type INestApplicationContext } from '@nestjs/common';
import { type ImportProblem } from './member-csv.columns.js';
import { MemberImportService } from './member-import.service.js';

export interface CommandArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export interface CommandOutput {
  log(message: string): void;
  error(message: string): void;
}

/**
 * `npm run cli -- import-members members.csv [--dry-run]`: the same import as the admin endpoint,
 * recorded in the audit log with no actor (an operator on the server).
 * Exit codes: 0 imported (or dry run clean), 1 the file has errors (nothing written), 2 usage.
 */
export async function importMembersCommand(app: INestApplicationContext, args: CommandArgs, out: CommandOutput = console): Promise<number> {
  const [file, ...extra] = args.positional;
  const unknownFlags = Object.keys(args.flags).filter((f) => f !== 'dry-run');
  if (!file || extra.length || unknownFlags.length || (args.flags['dry-run'] !== undefined && args.flags['dry-run'] !== true)) {
    out.error('usage: npm run cli -- import-members <file.csv> [--dry-run]');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    out.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 2;
  }
  const dryRun = args.flags['dry-run'] === true;
  const report = await app.get(MemberImportService).importCsv(bytes, { dryRun, actorId: null, via: 'cli' });
  for (const warning of report.warnings) out.error(`warning: ${describe(file, warning)}`);
  for (const error of report.errors) out.error(`error: ${describe(file, error)}`);
  if (report.errors.length) {
    out.error(`${file}: ${report.errors.length} error(s); nothing was imported.`);
    return 1;
  }
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.accountsCreated} new account(s)`;
  out.log(dryRun ? `${file}: dry run, nothing written; it would make ${counts}.` : `${file}: imported: ${counts}.`);
  return 0;
}

function describe(file: string, problem: ImportProblem): string {
  const where = [problem.line !== null ? `line ${problem.line}` : null, problem.column !== null ? `column ${problem.column}` : null].filter(Boolean).join(', ');
  return `${file}${where ? ` (${where})` : ''}: ${problem.message}`;
}
