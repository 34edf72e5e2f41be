import type { Html, Nodes, PhrasingContent, Root } from 'mdast';

// kramdown parses a span HTML element's content on its own: emphasis neither starts
// outside and ends inside (`**<b>x**</b>`), nor the other way round. In mdast the tags are
// loose siblings, so for the emphasis pass each element (open tag to matching end tag) is
// gathered into a temporary group: one unit for the text around it, a container for the
// text inside. The groups are dissolved once emphasis is known.

export const SPAN_GROUP = 'kramdownSpanGroup';

interface SpanGroup {
  type: typeof SPAN_GROUP;
  children: PhrasingContent[];
  position?: Html['position'];
}

const OPEN_TAG = /^<([A-Za-z_:][\w:.-]*)(?:\s[^>]*)?>$/;
const VOID = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));

/** For each child that opens an element, the index of the child that ends it (else -1). */
export function spanElementEnds(children: PhrasingContent[]): Int32Array {
  const ends = new Int32Array(children.length).fill(-1);
  const open: Array<{ name: string; index: number }> = [];
  children.forEach((child, index) => {
    if (child.type !== 'html') return;
    const start = OPEN_TAG.exec(child.value);
    if (start && !child.value.endsWith('/>') && !VOID.has(start[1]!.toLowerCase())) {
      open.push({ name: start[1]!.toLowerCase(), index });
      return;
    }
    const end = /^<\/([A-Za-z_:][\w:.-]*)\s*>$/.exec(child.value);
    if (!end || open.at(-1)?.name !== end[1]!.toLowerCase()) return;
    ends[open.pop()!.index] = index;
  });
  return ends;
}

/**
 * The children with each element gathered into a group, elements in elements into groups
 * in their group: one pass, however deep elements nest.
 */
export function groupSpanElements(children: PhrasingContent[]): PhrasingContent[] {
  const ends = spanElementEnds(children);
  if (!ends.some((end) => end >= 0)) return children;
  const out: PhrasingContent[] = [];
  const open: Array<{ group: SpanGroup; end: number }> = [];
  children.forEach((child, index) => {
    if (ends[index]! >= 0) {
      open.push({ group: { type: SPAN_GROUP, children: [child] }, end: ends[index]! });
      return;
    }
    const top = open.at(-1);
    (top ? top.group.children : out).push(child);
    if (index !== top?.end) return;
    open.pop();
    const { group } = top;
    const start = group.children[0]!.position?.start;
    let end = child.position?.end;
    for (let member = group.children.length - 1; !end && member >= 0; member--) end = group.children[member]!.position?.end;
    if (start && end) group.position = { start, end };
    (open.at(-1)?.group.children ?? out).push(group as unknown as PhrasingContent);
  });
  return out;
}

/** Puts the members of every group back in its place. */
export function dissolveSpanGroups(tree: Root): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node)) continue;
    const children = node.children as PhrasingContent[];
    if (children.some((child) => (child.type as string) === SPAN_GROUP)) {
      const flat: PhrasingContent[] = [];
      const stack = [...children].reverse();
      for (let child = stack.pop(); child; child = stack.pop()) {
        if ((child.type as string) !== SPAN_GROUP) {
          flat.push(child);
          continue;
        }
        const members = (child as unknown as SpanGroup).children;
        for (let index = members.length - 1; index >= 0; index--) stack.push(members[index]!);
      }
      (node as { children: PhrasingContent[] }).children = flat;
    }
    for (const child of node.children as Nodes[]) pending.push(child);
  }
}
