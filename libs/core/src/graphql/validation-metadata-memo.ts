import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];

const MEMOIZED = Symbol.for('guildhall.validation-metadata-memo');

/**
 * class-validator resolves a class's rules (its own and its ancestors') on every `validate` by testing every class
 * it knows with `instanceof` (typestack/class-validator#2686, open): with this app's ~200 argument and input classes,
 * that scan was class-validator's largest cost on a read with arguments. The answer only changes when rules are
 * registered, which decorators do as classes load: so it is remembered per class and options, and forgotten
 * whenever any rule or schema is added. Installed once per metadata storage (the GraphQL validation pipe does it).
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (marked[MEMOIZED]) return;
  marked[MEMOIZED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  const addSchema = storage.addValidationSchema.bind(storage);
  let memo = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  const forget = () => {
    memo = new WeakMap();
  };
  storage.addValidationMetadata = (metadata) => {
    forget();
    addMetadata(metadata);
  };
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
