import { DateTime } from 'luxon';
import type { Transcript } from './transcript.type.js';

const day = (at: Date) => DateTime.fromJSDate(at, { zone: 'UTC' }).toFormat('d LLL yyyy');

/** The transcript as a document: who, the period, the total, the credits by category, then each activity. */
export async function renderTranscriptPdf(holderName: string, transcript: Transcript): Promise<Buffer> {
  // Loaded on first use: pdfkit (with its fonts) is a second of every process start otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `CE transcript: ${holderName}`, Author: 'Guildhall' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(22).text('Continuing-education transcript');
  doc.moveDown(0.5).font('Helvetica').fontSize(12).text(holderName);
  doc.text(`${day(transcript.from)} to ${day(transcript.to)} (UTC)`);
  doc.moveDown(1).font('Helvetica-Bold').text(`Total credits: ${transcript.totalCredits}`);
  doc.moveDown(1).fontSize(13).text('By category');
  doc.moveDown(0.3).font('Helvetica').fontSize(11);
  if (transcript.byCategory.length === 0) doc.text('No credits in this period.');
  for (const row of transcript.byCategory) doc.text(`${row.category}: ${row.credits} credits`);
  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Activities');
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  for (const entry of transcript.entries) {
    doc.text(`${day(entry.date)}  ${entry.title}: ${entry.credits} credits${entry.category ? `, ${entry.category}` : ''}`);
  }
  if (transcript.entriesTruncated) doc.moveDown(0.5).text(`Only the latest ${transcript.entries.length} activities are listed; the totals cover the whole period.`);
  doc.end();
  return done;
}
