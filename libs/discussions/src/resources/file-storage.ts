import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Where uploaded files live: a port, so a deployment can keep them outside the API's disk. */
export abstract class FileStorage {
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** undefined when there is no such file. */
  abstract get(key: string): Promise<Buffer | undefined>;
}

/**
 * The default: a folder (GUILDHALL_DATA_DIR/files). Keys are server-made ids; a write goes to a
 * temporary name first and is renamed into place, so a reader never sees half a file. One host only:
 * API processes on several hosts share files through S3Storage (GUILDHALL_S3_BUCKET).
 */
export class LocalFolderStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  private path(key: string): string {
    if (!/^[a-z0-9][a-z0-9/-]{0,200}$/.test(key) || key.includes('..')) throw new Error('bad storage key');
    return join(resolve(this.root), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.part`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
