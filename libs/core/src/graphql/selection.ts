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
  let level: Array<SelectionSetNode | undefined> = info.fieldNodes.map((node) => node.selectionSet);
  for (const [depth, name] of path.entries()) {
    const next: SelectionSetNode[] = [];
    let found = false;
    for (const selectionSet of level) found = fieldsNamed(selectionSet, name, info, next, new Set()) || found;
    if (!found) return false;
    if (depth === path.length - 1) return true;
    level = next;
  }
  return true;
}
