import type { Nodes, Root, Text } from 'mdast';
import type { LinkReference } from '../types.js';
import { TextSites, type SourceSite } from '../source/positions.js';
import { SourceIndex } from '../source/offsets.js';
import { textLiterals } from '../source/text-literals.js';
import { normalizeLinkId, type LinkDefinition } from './link-definitions.js';
import { pushAll } from '../source/arrays.js';

// Every link and image target of a document, with where it was written, for the link
// checker; and the reference-style links that have no definition, which kramdown (like
// CommonMark) prints as plain bracketed text.

const HTML_TARGET = /<(a|img)\b[^>]*?\s(href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
// `[text]`, `[text][]` or `[text][label]` left as text; `[^note]` is a footnote marker.
const BRACKETED = /\[(?!\^)([^\[\]\n]*\p{L}[^\[\]\n]*)\](?:\[([^\[\]\n]*)\])?/gu;

export interface UndefinedReference extends SourceSite {
  label: string;
}

export function collectLinks(
  tree: Root,
  source: string,
  definitions: ReadonlyMap<string, LinkDefinition>,
): { links: LinkReference[]; undefinedReferences: UndefinedReference[] } {
  const links: LinkReference[] = [];
  const undefinedReferences: UndefinedReference[] = [];
  const add = (kind: 'link' | 'image', href: string, node: Nodes) => {
    links.push({ kind, href, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  };
  let sites: TextSites | undefined;
  // document order, with an explicit stack (children pushed last to first)
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    switch (node.type) {
      case 'link':
        add('link', node.url, node);
        break;
      case 'image':
        add('image', node.url, node);
        break;
      case 'html':
        for (const match of node.value.matchAll(HTML_TARGET)) {
          const href = match[4] ?? match[5] ?? match[6] ?? '';
          add(match[1]!.toLowerCase() === 'a' ? 'link' : 'image', href, node);
        }
        break;
      case 'text':
        pushAll(undefinedReferences, bracketedText(node, definitions, (sites ??= new TextSites(new SourceIndex(source)))));
        break;
      default:
        break;
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as Nodes);
  }
  return { links, undefinedReferences };
}

function bracketedText(node: Text, definitions: ReadonlyMap<string, LinkDefinition>, sites: TextSites): UndefinedReference[] {
  const literalStarts = new Set(textLiterals(node).map((literal) => literal.start));
  const found: UndefinedReference[] = [];
  for (const match of node.value.matchAll(BRACKETED)) {
    const start = match.index;
    if (literalStarts.has(start)) continue; // an escaped `\[` is not a reference
    const label = match[2] ? match[2] : match[1]!;
    if (definitions.has(normalizeLinkId(label))) continue;
    found.push({ ...sites.siteAt(node, start), label });
  }
  return found;
}
