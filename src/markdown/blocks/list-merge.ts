import type { List, Parent, Root } from 'mdast';
import { forEachParentTopDown } from './tree.js';

// CommonMark starts a new list when the bullet character changes; kramdown does not: any
// `*`, `+`, `-` item continues a bullet list and any `N.` item an ordered one, even after
// blank lines. And a list of the other type right below an item (no blank line) is, for
// kramdown, a lazy continuation of that item, so it nests inside it.

/** Merges sibling lists the way kramdown's list parser groups items. */
export function mergeKramdownLists(tree: Root): void {
  forEachParentTopDown(tree, (parent) => mergeChildren(parent as Parent));
}

function mergeChildren(parent: Parent): void {
  const children = parent.children;
  for (let index = 0; index < children.length - 1; index++) {
    const current = children[index]!;
    const next = children[index + 1]!;
    if (current.type !== 'list' || next.type !== 'list') continue;
    const list = current as List;
    const following = next as List;
    if (list.ordered === following.ordered) {
      list.children.push(...following.children);
    } else if (directlyBelow(list, following)) {
      list.children.at(-1)!.children.push(following);
    } else {
      continue;
    }
    if (list.position && following.position) list.position.end = following.position.end;
    children.splice(index + 1, 1);
    index--;
  }
}

function directlyBelow(list: List, next: List): boolean {
  const end = list.position?.end.line;
  const start = next.position?.start.line;
  return end !== undefined && start !== undefined && start === end + 1;
}
