import { CreateFoundation1795875679496 } from './1795875679496-CreateFoundation.js';
import { CreateMembers1795876815854 } from './1795876815854-CreateMembers.js';

/** Every migration, in order. Generate the next with `npm run migration:generate -- <VerbNoun>`. */
export const MIGRATIONS = [CreateFoundation1795875679496, CreateMembers1795876815854];
