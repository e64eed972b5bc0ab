import { type Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, SKILL_SEPARATOR } from './member-csv.columns.js';
import { type ExportedMember, MemberExportRepository } from './member-export.repository.js';
import { escapeFormula } from './spreadsheet-formula.js';

export const EXPORT_BATCH_SIZE = 2000;

/**
 * Writes every member as CSV (the import's format), in keyset batches: memory stays flat however
 * many members there are, and a slow reader slows the queries down (back-pressure) rather than
 * letting rows pile up. Each batch is its own statement, so the file is not one snapshot: a person
 * changed during the export appears once, as they were when their batch was read.
 */
@Injectable()
export class MemberExportService {
  constructor(private readonly repository: MemberExportRepository) {}

  /** Returns how many members were written; stops early when `out` is closed by the reader. */
  async writeCsv(out: Writable, batchSize = EXPORT_BATCH_SIZE): Promise<number> {
    let written = 0;
    if (!(await write(out, stringify([[...EXPORT_COLUMNS]])))) return written;
    let after = '';
    for (;;) {
      const page = await this.repository.pageAfter(after, batchSize);
      if (!page.length) return written;
      if (!(await write(out, stringify(page.map(toCells))))) return written;
      written += page.length;
      if (page.length < batchSize) return written;
      after = page[page.length - 1].email;
    }
  }
}

function toCells(m: ExportedMember): string[] {
  const cells = [
    m.email,
    m.fullName,
    m.tier,
    m.status,
    m.currentPeriodEnd ? m.currentPeriodEnd.toISOString() : '',
    m.joinedAt ? m.joinedAt.toISOString() : '',
    m.headline ?? '',
    m.location ?? '',
    m.employer ?? '',
    m.skills.join(SKILL_SEPARATOR),
  ];
  return cells.map(escapeFormula);
}

/** Writes with back-pressure; false when the reader has gone away. */
async function write(out: Writable, chunk: string): Promise<boolean> {
  if (out.destroyed || out.writableEnded) return false;
  if (out.write(chunk)) return true;
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}
