import { describe, expect, it } from '@jest/globals';
import { answerMessage, readImportReport } from './import-report.js';

describe('readImportReport', () => {
  const report = { dryRun: true, created: 2, updated: 0, unchanged: 1, accountsCreated: 2, errors: [{ line: 3, column: 'tier', message: 'no such tier' }], warnings: [{ line: null, column: null, message: 'note' }] };

  it('reads a report, errors and warnings included', () => {
    expect(readImportReport(report)).toEqual(report);
  });

  it('refuses anything else', () => {
    expect(readImportReport(null)).toBeNull();
    expect(readImportReport({ message: 'Unsupported Media Type', statusCode: 415 })).toBeNull();
    expect(readImportReport({ ...report, created: '2' })).toBeNull();
    expect(readImportReport({ ...report, errors: [{ line: '3', column: 'tier', message: 'x' }] })).toBeNull();
  });

  it('finds the message of another answer', () => {
    expect(answerMessage({ message: 'send the file as text/csv' })).toBe('send the file as text/csv');
    expect(answerMessage({ message: ['a', 'b'] })).toBeNull();
    expect(answerMessage('oops')).toBeNull();
  });
});
