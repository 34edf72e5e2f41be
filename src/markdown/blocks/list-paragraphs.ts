import type { List, ListItem, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { mergeKramdownLists } from './list-merge.js';

// kramdown decides per item whether the item's first paragraph is "transparent" (printed
// without <p>), unlike CommonMark's per-list tight/loose. Its rule, restated:
// - the first block of the item is a paragraph, and
// - no blank line follows that paragraph inside the item (the blank lines before the next
//   item belong to the item; trailing blank lines of the last item only count when more
//   of the item follows them), and
// - the item is not the last one of a list of several, unless an earlier item starts with
//   something other than a paragraph or has a transparent first paragraph.
// We record the decision in `spread`: false means "first paragraph transparent".

/** Marks each list item's `spread` with kramdown's rule; needs the document's source lines. */
export function applyKramdownListSpacing(tree: Root, source: string): void {
  const lines = source.split(/\r?\n|\r/);
  forEachList(tree, (list, parent, quotes) => {
    // Inside blockquotes a line holding only the quote markers is the blank line.
    const isBlank = (line: number) => line >= 1 && line <= lines.length && /^\s*$/.test(withoutQuoteMarkers(lines[line - 1]!, quotes));
    // A list ended by an end-of-block marker keeps its last item's trailing blank lines.
    const siblings = parent?.children ?? [];
    const endedByMarker = siblings[siblings.indexOf(list) + 1]?.type === 'kramdownEndOfBlock';
    let earlierAllowsLast = false;
    list.children.forEach((item, index) => {
      const last = index === list.children.length - 1 && !endedByMarker;
      const transparent =
        firstParagraphIsTight(item, last, isBlank) && (index < list.children.length - 1 || list.children.length === 1 || earlierAllowsLast);
      item.spread = !transparent;
      const first = item.children[0];
      if (!first || first.type !== 'paragraph' || transparent) earlierAllowsLast = true;
    });
  });
}

function withoutQuoteMarkers(line: string, quotes: number): string {
  let rest = line;
  for (let count = 0; count < quotes; count++) rest = rest.replace(/^[ \t]*>/, '');
  return rest;
}

/** Calls `visitor` for every list with its parent and the number of blockquotes around it. */
function forEachList(root: Root, visitor: (list: List, parent: Parent, quotes: number) => void): void {
  const stack: Array<[Parent, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [parent, quotes] = stack.pop()!;
    for (const child of parent.children) {
      if (child.type === 'list') visitor(child, parent, quotes);
      if ('children' in child) stack.push([child as Parent, quotes + (child.type === 'blockquote' ? 1 : 0)]);
    }
  }
}

function firstParagraphIsTight(item: ListItem, last: boolean, isBlank: (line: number) => boolean): boolean {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || !first.position) return false;
  if (!isBlank(first.position.end.line + 1)) return true;
  // A blank line follows: it is inside the item when more of the item follows it, or
  // when another item follows (the last item's trailing blank lines are dropped).
  return last && item.children.length === 1;
}

/** remark plugin: kramdown's list item paragraph rule (see applyKramdownListSpacing). */
export function remarkKramdownLists() {
  return (tree: Root, file: VFile) => {
    mergeKramdownLists(tree);
    applyKramdownListSpacing(tree, String(file));
  };
}
