import yazl from 'yazl';
import type { PersonalDataSection } from '../../../core/src/index.js';

/** A ZIP with `<area>.json` per area, the areas' files, and a short README (yazl: small, streaming, maintained). */
export function buildArchive(sections: PersonalDataSection[], generatedAt: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = generatedAt;
  zip.addBuffer(
    Buffer.from(
      `Everything Guildhall holds about you, generated ${generatedAt.toISOString()}.\n` +
        `One JSON file per area (${sections.map((s) => s.area).join(', ')}), and your certificates of attendance.\n`,
    ),
    'README.txt',
    { mtime },
  );
  for (const section of sections) {
    zip.addBuffer(Buffer.from(JSON.stringify(section.records, null, 2)), `${section.area}.json`, { mtime });
    for (const file of section.files ?? []) zip.addBuffer(file.content, file.name, { mtime });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
