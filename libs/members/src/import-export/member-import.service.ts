import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, isUniqueViolation } from '../../../core/src/index.js';
import { emptyReport, type ImportProblem, type ImportReport } from './member-csv.columns.js';
import { readMemberCsv } from './member-csv.reader.js';
import { MemberImportRepository } from './member-import.repository.js';
import { type ImportTier, type MemberImportRow, validateMemberRow } from './member-row.validator.js';
import { decodeUtf8 } from './utf8.js';

export interface ImportOptions {
  dryRun: boolean;
  /** The admin who imports; null for the CLI (an operator on the server). */
  actorId: string | null;
  requestId?: string | null;
  /** Where the file came from, for the audit entry: 'api' or 'cli'. */
  via: 'api' | 'cli';
}

/** Thrown inside the transaction to roll it back and answer with the report. */
class Abandon extends Error {
  constructor(readonly report: ImportReport) {
    super('import abandoned');
  }
}

/**
 * Imports members from CSV. The whole file is checked first; with any error (or on a dry run)
 * nothing is written. A good file is written in one transaction, idempotently: accounts are
 * matched by email (case-insensitively), and a membership is created or updated only when it
 * differs, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class MemberImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MemberImportRepository,
    private readonly audit: AuditService,
  ) {}

  async importCsv(bytes: Buffer, options: ImportOptions): Promise<ImportReport> {
    const report = emptyReport(options.dryRun);
    const decoded = decodeUtf8(bytes);
    if ('problems' in decoded) return { ...report, errors: decoded.problems };
    const table = readMemberCsv(decoded.text);
    // Not push(...spread): a broken file can have more problems than a call takes arguments.
    report.errors = report.errors.concat(table.errors);
    report.warnings = report.warnings.concat(table.warnings);
    if (!table.columns.size || !table.records.length) return report;

    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!options.dryRun) await this.repository.lockImports(manager);
        const rows = this.validateRows(table, await this.tiersByName(manager, !options.dryRun), report);
        if (report.errors.length) throw new Abandon(sortProblems(report));
        await this.repository.stage(manager, rows);
        if (options.dryRun) {
          await this.repository.classify(manager, false);
          const counts = await this.repository.counts(manager);
          Object.assign(report, { created: counts.created, updated: counts.updated, unchanged: counts.unchanged, accountsCreated: counts.withoutAccount });
          throw new Abandon(sortProblems(report));
        }
        report.accountsCreated = await this.repository.createMissingAccounts(manager);
        await this.repository.fillCreatedProfiles(manager);
        await this.repository.classify(manager, true);
        const { created, updated, unchanged } = await this.repository.counts(manager);
        Object.assign(report, { created, updated, unchanged });
        await this.repository.apply(manager, options.actorId);
        await this.record(manager, options, report, rows.length, bytes);
        return sortProblems(report);
      });
    } catch (error) {
      if (error instanceof Abandon) return error.report;
      if (isUniqueViolation(error)) {
        report.errors.push({ line: null, column: null, message: 'some of these members changed while the file was imported; nothing was written: run the import again' });
        return report;
      }
      throw error;
    }
  }

  private async tiersByName(manager: EntityManager, lock: boolean): Promise<Map<string, ImportTier>> {
    const tiers = await this.repository.tiers(manager, lock);
    return new Map(tiers.map((t) => [t.name.trim().toLowerCase(), t]));
  }

  /** Every row checked, emails de-duplicated across the file; problems go into the report. */
  private validateRows(table: ReturnType<typeof readMemberCsv>, tiers: Map<string, ImportTier>, report: ImportReport): MemberImportRow[] {
    const now = new Date();
    const rows: MemberImportRow[] = [];
    const firstLineOf = new Map<string, number>();
    for (const record of table.records) {
      const outcome = validateMemberRow(record, table.columns, tiers, now);
      for (const warning of outcome.warnings) report.warnings.push(warning);
      const email = (record.cells.email ?? '').trim().toLowerCase();
      const seen = email ? firstLineOf.get(email) : undefined;
      if (seen !== undefined) {
        report.errors.push({ line: record.line, column: 'email', message: `"${email}" is already on line ${seen} (each person once per file)` });
      } else if (email) {
        firstLineOf.set(email, record.line);
      }
      if ('errors' in outcome) {
        for (const error of outcome.errors) report.errors.push(error);
      } else if (seen === undefined) {
        rows.push(outcome.row);
      }
    }
    return rows;
  }

  private async record(manager: EntityManager, options: ImportOptions, report: ImportReport, rows: number, bytes: Buffer): Promise<void> {
    await this.audit.record(manager, {
      actorId: options.actorId,
      action: 'members.import',
      targetType: 'Membership',
      after: {
        via: options.via,
        rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        accountsCreated: report.accountsCreated,
        warnings: report.warnings.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
      requestId: options.requestId ?? null,
    });
  }
}

/** By line, the file-wide problems (no line) first. */
function sortProblems(report: ImportReport): ImportReport {
  const byLine = (a: ImportProblem, b: ImportProblem) => (a.line ?? 0) - (b.line ?? 0);
  report.errors.sort(byLine);
  report.warnings.sort(byLine);
  return report;
}
