import { readFile, writeFile } from 'node:fs/promises';

/**
 * A secret made on first use and kept in `file`, readable only by its owner (the embedded server's password, its
 * sealing key). Written with `wx`: of two first starts at once, both keep the first one's.
 */
export async function generatedOnce(file: string, generate: () => string): Promise<string> {
  const read = async () => (await readFile(file, 'utf8')).trim();
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFile(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return read();
}
