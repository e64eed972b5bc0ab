import { isUuid } from '../../../core/src/index.js';

/** `<uuid>.<extension>` → the uuid, or undefined. */
export function idFromFile(file: string, extension: string): string | undefined {
  const suffix = `.${extension}`;
  if (!file.endsWith(suffix)) return undefined;
  const id = file.slice(0, -suffix.length);
  return isUuid(id) ? id : undefined;
}
