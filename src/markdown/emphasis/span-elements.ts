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

/** The children with each outermost element gathered into a group. */
export function groupSpanElements(children: PhrasingContent[]): PhrasingContent[] {
  const open: Array<{ name: string; index: number }> = [];
  const pairs: Array<[number, number]> = [];
  children.forEach((child, index) => {
    if (child.type !== 'html') return;
    const start = OPEN_TAG.exec(child.value);
    if (start && !child.value.endsWith('/>') && !VOID.has(start[1]!.toLowerCase())) {
      open.push({ name: start[1]!.toLowerCase(), index });
      return;
    }
    const end = /^<\/([A-Za-z_:][\w:.-]*)\s*>$/.exec(child.value);
    if (!end || open.at(-1)?.name !== end[1]!.toLowerCase()) return;
    const { index: from } = open.pop()!;
    if (open.length === 0) pairs.push([from, index]);
  });
  if (pairs.length === 0) return children;
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const [from, to] of pairs) {
    for (let index = cursor; index < from; index++) out.push(children[index]!);
    const members = children.slice(from, to + 1);
    const group: SpanGroup = { type: SPAN_GROUP, children: members };
    const start = members[0]!.position?.start;
    let end = members[members.length - 1]!.position?.end;
    for (let index = members.length - 1; !end && index >= 0; index--) end = members[index]!.position?.end;
    if (start && end) group.position = { start, end };
    out.push(group as unknown as PhrasingContent);
    cursor = to + 1;
  }
  for (let index = cursor; index < children.length; index++) out.push(children[index]!);
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
