import { badInput, decodeCursor, isUuid } from '../../../core/src/index.js';
import type { ApplicationCursor } from './applications.repository.js';

/** A cursor this list gave out, checked value by value before it reaches SQL. */
export function parseApplicationCursor(after: string | undefined): ApplicationCursor | undefined {
  const values = decodeCursor(after, 2);
  if (!values) return undefined;
  const [at, id] = values;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) {
    throw badInput('after', 'is not a cursor this list gave out');
  }
  return [at, id];
}
