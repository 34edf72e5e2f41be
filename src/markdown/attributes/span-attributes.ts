import type { Nodes, Root } from 'mdast';
import { SPAN_IAL, emptyAttributeList, parseAttributeList } from './attribute-list.js';
import { attachAttributeList, type AttributeSite } from './attribute-data.js';
import { sliceText } from '../source/text-literals.js';
import { TextSites } from '../source/positions.js';
import { SourceIndex } from '../source/offsets.js';
import { pushAll } from '../source/arrays.js';

// Span IALs: `![a](b.png){:height="250px"}`, `*x*{: .c}`. kramdown applies one to the span
// element right before it; written after plain text it is ignored (kept as text, warned).
// After an HTML element's end tag (`<span>New</span>{: .label}`) it goes on the element,
// that is, into its start tag.

export interface SpanAttributeContext {
  source: string;
  warn(site: AttributeSite, message: string): void;
}

const ANY_SPAN_IAL = /\{:(?!:|\/)((?:\\\}|[^}])+)\}/g;

export function collectSpanAttributes(tree: Root, context: SpanAttributeContext): void {
  const sites = new TextSites(new SourceIndex(context.source));
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node)) continue;
    applyInChildren(node.children as Nodes[], context, sites);
    pushAll(pending, node.children as Nodes[]);
  }
}

function applyInChildren(children: Nodes[], context: SpanAttributeContext, sites: TextSites): void {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'text') continue;
    const before = index > 0 ? children[elementStartOf(children, index - 1)] : undefined;
    // `x{: .a}{: .b}`: every IAL right after the element applies to it
    for (let match = SPAN_IAL.exec(child.value); match && before && before.type !== 'text'; match = SPAN_IAL.exec(child.value)) {
      const list = emptyAttributeList();
      const site = sites.siteAt(child, 0);
      if (!parseAttributeList(match[1]!, list)) context.warn(site, `no valid attributes in IAL "${match[0]}"`);
      attachAttributeList(before, list, site);
      sliceText(child, match[0].length);
      sites.forget(child);
    }
    if (child.value === '') {
      children.splice(index, 1);
      index--;
      continue;
    }
    for (const stray of child.value.matchAll(ANY_SPAN_IAL)) {
      context.warn(sites.siteAt(child, stray.index), `span IAL "${stray[0]}" follows plain text, so kramdown ignores it and prints it as text`);
    }
  }
}

const END_TAG = /^<\/([^\s>]+)\s*>$/;
const START_TAG = /^<([^\s/>]+)[^>]*>$/;

/** Where the span HTML element ending at `at` starts (its start tag), else `at` itself. */
function elementStartOf(children: Nodes[], at: number): number {
  const end = children[at]!;
  const name = end.type === 'html' ? END_TAG.exec(end.value)?.[1]?.toLowerCase() : undefined;
  if (!name) return at;
  let depth = 0;
  for (let index = at - 1; index >= 0; index--) {
    const child = children[index]!;
    if (child.type !== 'html') continue;
    if (END_TAG.exec(child.value)?.[1]?.toLowerCase() === name) depth++;
    else if (!child.value.endsWith('/>') && START_TAG.exec(child.value)?.[1]?.toLowerCase() === name && depth-- === 0) return index;
  }
  return at;
}
