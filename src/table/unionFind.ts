/**
 * Union-find over indices, for grouping what touches what (rules into tables, slots into
 * cells, header runs into blocks): parent[i] is i's parent, a root is its own.
 */

/** The root of `i`, the path to it shortened on the way. */
export function rootOf(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const up = parent[i]!;
    parent[i] = root;
    i = up;
  }
  return root;
}

/** `items` grouped by the roots of their indices: each group, and the groups, in the items' order. */
export function groupsByRoot<T>(items: readonly T[], parent: number[]): T[][] {
  const groups = new Map<number, T[]>();
  for (let i = 0; i < items.length; i++) {
    const root = rootOf(parent, i);
    const group = groups.get(root);
    if (group) group.push(items[i]!);
    else groups.set(root, [items[i]!]);
  }
  return [...groups.values()];
}
