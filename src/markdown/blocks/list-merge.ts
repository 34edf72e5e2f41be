import type { List, Parent, Root } from 'mdast';

// CommonMark starts a new list when the bullet character changes; kramdown does not: any
// `*`, `+`, `-` item continues a bullet list and any `N.` item an ordered one, even after
// blank lines. And a list of the other type right below an item (no blank line) is, for
// kramdown, a lazy continuation of that item, so it nests inside it.

/** Merges sibling lists the way kramdown's list parser groups items. */
export function mergeKramdownLists(tree: Root): void {
  const visit = (parent: Parent) => {
    const children = parent.children;
    for (let index = 0; index < children.length - 1; index++) {
      const current = children[index]!;
      const next = children[index + 1]!;
      if (current.type !== 'list' || next.type !== 'list') continue;
      if (current.ordered === next.ordered) {
        current.children.push(...next.children);
      } else if (directlyBelow(current, next)) {
        current.children.at(-1)!.children.push(next);
      } else {
        continue;
      }
      if (current.position && next.position) current.position.end = next.position.end;
      children.splice(index + 1, 1);
      index--;
    }
    for (const child of children) if ('children' in child) visit(child as Parent);
  };
  visit(tree);
}

function directlyBelow(list: List, next: List): boolean {
  const end = list.position?.end.line;
  const start = next.position?.start.line;
  return end !== undefined && start !== undefined && start === end + 1;
}
