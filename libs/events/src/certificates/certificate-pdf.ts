import { DateTime } from 'luxon';

export interface CertificateContent {
  holderName: string;
  eventTitle: string;
  eventStartsAt: Date;
  timezone: string;
  code: string;
  issuedAt: Date;
  verifyUrl: string;
  sessions: Array<{ title: string; startsAt: Date; credits: number; category: string | null }>;
}

const fmt = (at: Date, zone: string, pattern: string) => DateTime.fromJSDate(at, { zone }).toFormat(pattern);

/** The certificate of attendance: who, which event, each session attended with its credits and category, the total, and the code. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  // Loaded on first use: pdfkit (with its fonts) is a second of every process start otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Certificate of attendance: ${content.eventTitle}`, Subject: `Verification code ${content.code}`, Author: 'Guildhall' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const total = content.sessions.reduce((sum, s) => sum + s.credits, 0);
  doc.font('Helvetica-Bold').fontSize(24).text('Certificate of Attendance', { align: 'center' });
  doc.moveDown(1.5).font('Helvetica').fontSize(12).text('This certifies that', { align: 'center' });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(20).text(content.holderName, { align: 'center' });
  doc.moveDown(0.5).font('Helvetica').fontSize(12).text('attended', { align: 'center' });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(16).text(content.eventTitle, { align: 'center' });
  doc.font('Helvetica').fontSize(11).text(fmt(content.eventStartsAt, content.timezone, 'd LLLL yyyy'), { align: 'center' });
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(12).text('Sessions attended');
  doc.moveDown(0.3).font('Helvetica').fontSize(11);
  for (const session of content.sessions) {
    const category = session.category ? `, ${session.category}` : '';
    doc.text(`${fmt(session.startsAt, content.timezone, 'd LLL yyyy HH:mm')}  ${session.title}: ${session.credits} credits${category}`);
  }
  doc.moveDown(0.5).font('Helvetica-Bold').text(`Total continuing-education credits: ${total}`);
  doc.moveDown(2).font('Helvetica').fontSize(10);
  doc.text(`Verification code: ${content.code}`);
  doc.text(`Issued: ${fmt(content.issuedAt, 'UTC', "d LLLL yyyy HH:mm 'UTC'")}`);
  doc.text(`Verify at ${content.verifyUrl} (verifyCertificate) with this code.`);
  doc.end();
  return done;
}
