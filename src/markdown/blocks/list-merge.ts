import type { List, Parent, Root } from 'mdast';
import { forEachParentTopDown } from './tree.js';

// A list of the other type right below an item (no blank line) is, for kramdown, a lazy
// continuation of that item, so it nests inside it. (Items of the same type already join
// one list in the syntax, see list-syntax.ts; two lists of a type side by side are two
// lists for kramdown too, see item-chunks.ts.) Not so inside an item when the first list
// came in lazily (less indented than the item's content) and the second is indented to
// the content: that line begins a new piece of the item (item-chunks.ts), parsed apart.

/** Nests lists the way kramdown's list parser groups items. */
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
    if (list.ordered === following.ordered || !directlyBelow(list, following) || startsNewPiece(parent, list, following)) continue;
    list.children.at(-1)!.children.push(following);
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

function startsNewPiece(parent: Parent, list: List, next: List): boolean {
  const content = parent.type === 'listItem' ? parent.children[0]?.position?.start.column : undefined;
  const lazyColumn = list.position?.start.column;
  const nextColumn = next.position?.start.column;
  return content !== undefined && lazyColumn !== undefined && nextColumn !== undefined && lazyColumn < content && nextColumn >= content;
}
