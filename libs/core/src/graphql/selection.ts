import { type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** What `selects` reads of a resolver's `info`. */
export interface SelectionInfo {
  fieldNodes: ReadonlyArray<{ selectionSet?: SelectionSetNode }>;
  fragments: Record<string, FragmentDefinitionNode>;
}

function fieldsNamed(selectionSet: SelectionSetNode | undefined, name: string, info: SelectionInfo, out: SelectionSetNode[], seen: Set<string>): boolean {
  let found = false;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== name) continue;
      found = true;
      if (selection.selectionSet) out.push(selection.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found = fieldsNamed(selection.selectionSet, name, info, out, seen) || found;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      found = fieldsNamed(fragment.selectionSet, name, info, out, seen) || found;
      seen.delete(fragment.name.value);
    }
  }
  return found;
}

/**
 * Whether the field being resolved asks for `path` below it (field names, e.g. `['edges', 'node', 'user']`),
 * through aliases, fragments and inline fragments, in any of its field nodes. `@skip`/`@include` and type
 * conditions are not evaluated: a field they may leave out counts as asked for, so a resolver reading more
 * because of it reads too much, never too little.
 */
export function selects(info: SelectionInfo, path: readonly string[]): boolean {
  return selectionSetsAt(info, path) !== undefined;
}

/** The selection sets of the fields at `path` below the field being resolved (undefined: the path is not asked for). */
function selectionSetsAt(info: SelectionInfo, path: readonly string[]): SelectionSetNode[] | undefined {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    let found = false;
    for (const selectionSet of level) found = fieldsNamed(selectionSet, name, info, next, new Set()) || found;
    if (!found) return undefined;
    level = next;
  }
  return level;
}

/**
 * The names of the fields asked for at `path` below the field being resolved (e.g. `['edges', 'node', 'user']`: the
 * User fields the list's rows ask for), through aliases, fragments and inline fragments, in all its field nodes;
 * undefined when `path` is not asked for. As `selects`, `@skip`/`@include` and type conditions are not evaluated.
 */
export function fieldsAt(info: SelectionInfo, path: readonly string[]): ReadonlySet<string> | undefined {
  const sets = selectionSetsAt(info, path);
  if (!sets) return undefined;
  const names = new Set<string>();
  const collect = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        collect(fragment.selectionSet, seen);
        seen.delete(fragment.name.value);
      }
    }
  };
  for (const selectionSet of sets) collect(selectionSet, new Set());
  return names;
}

/**
 * `compute` remembered per field: a resolver called once per parent row (a nested list's field on each of 20
 * events) asks what its selection needs once. A single field node is the same object on every request of a parsed
 * document Apollo keeps, so what it asks is computed once per document; a field merged from several nodes is
 * remembered by their list (the same array for every row of one request). `compute` must depend only on the
 * selection (not on variables): `selects` does not evaluate `@skip`/`@include`, so it over-reads, never under-reads.
 * One map lookup per call on a hit (it runs once per parent row); an undefined result is not remembered.
 */
export function rememberedPerField<T>(compute: (info: SelectionInfo) => T): (info: SelectionInfo) => T {
  const byNode = new WeakMap<object, T>();
  return (info) => {
    const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : info.fieldNodes;
    const known = byNode.get(key);
    if (known !== undefined) return known;
    const value = compute(info);
    byNode.set(key, value);
    return value;
  };
}

/**
 * The row fields a selection reads, through an allow-list: a GraphQL field named like one of `all` reads that row field,
 * `needs` names the others a type knows and the row fields each reads (`loggedBy` reads `loggedById`; `tier` none);
 * `always` are read whatever is asked (the keys, what guards and loaders read). `all` itself (every field, the same
 * array) when a name asked is neither: an allow-list can only read too much. In `all`'s order, so that the same fields
 * asked give the same list (a loader's or statement's name).
 */
export function rowFieldsAsked<F extends string>(
  asked: ReadonlySet<string>,
  all: readonly F[],
  always: readonly F[],
  needs: Readonly<Record<string, readonly F[]>> = {},
): readonly F[] {
  const fields = new Set<string>(always);
  for (const name of asked) {
    if (name === '__typename') continue;
    if (Object.hasOwn(needs, name)) for (const field of needs[name]) fields.add(field);
    else if ((all as readonly string[]).includes(name)) fields.add(name);
    else return all;
  }
  return all.filter((field) => fields.has(field));
}
