import type { Definition, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { KramdownNodeData } from '../attributes/attribute-data.js';
import type { SourceIndex } from '../source/offsets.js';
import { SpanSequence } from '../source/span-sequence.js';
import { spliceAll } from '../source/arrays.js';
import { decodeReferences } from '../source/character-references.js';
import { indentedDefinitionsAsCode } from './indented-definitions.js';

// kramdown's link definitions: `[id]: url "title"` (title also on the next line, url also
// in `<...>` or with spaces in it). kramdown keeps the url and title as written (escapes
// included), and a later definition of an id replaces an earlier one. CommonMark finds
// most definitions itself; those it refuses (a url with spaces, a definition right after
// an IAL line) arrive as paragraphs and are turned into definitions here.

export interface LinkDefinition {
  url: string;
  title: string | null;
  /** The definition node: IALs written before or after it apply to its links. */
  node: Definition;
}

const DEFINITION = /^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n/my;

/** kramdown's link id matching: whitespace runs as one space, case folded. */
export function normalizeLinkId(id: string): string {
  return id.replace(/[ \t\n\r\f\v]+/g, ' ').toLowerCase();
}

interface DefinitionMatch {
  id: string;
  url: string;
  title: string | null;
  length: number;
}

/** Reads one definition at `at` of `text`, kramdown's way (undefined when there is none). */
export function readDefinition(text: string, at: number): DefinitionMatch | undefined {
  DEFINITION.lastIndex = at;
  const match = DEFINITION.exec(text);
  // kramdown refuses a url followed by a title it could not read
  if (!match || (match[3] !== undefined && /[ \t]+["']/.test(match[3]))) return undefined;
  return { id: match[1]!, url: match[2] ?? match[3]!, title: match[5] ?? null, length: match[0].length };
}

/**
 * All link definitions of a document by normalised id (the last one written wins),
 * turning paragraphs that kramdown reads as definitions into definition nodes.
 */
export function collectLinkDefinitions(tree: Root, index: SourceIndex): Map<string, LinkDefinition> {
  const definitions = new Map<string, LinkDefinition>();
  // depth-first in document order, without recursion
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'definition') {
      definitions.set(normalizeLinkId(node.label ?? node.identifier), definitionOf(node));
      continue;
    }
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') continue;
    const children = node.children as Nodes[];
    for (let position = 0; position < children.length; position++) {
      const child = children[position]!;
      let replacement: Nodes[] | undefined;
      if (child.type === 'paragraph') replacement = definitionsIn(child, index);
      else if (child.type === 'definition' && !readWritten(child, index)) replacement = [asParagraph(child, index)];
      if (!replacement) continue;
      spliceAll(children, position, 1, replacement);
      position += replacement.length - 1;
    }
    indentedDefinitionsAsCode(node, children as RootContent[], index);
    for (let position = children.length - 1; position >= 0; position--) pending.push(children[position]!);
  }
  return definitions;
}

/** How kramdown reads a definition CommonMark found (undefined: kramdown sees a paragraph). */
function readWritten(node: Definition, index: SourceIndex): DefinitionMatch | undefined {
  const start = index.offsetOf(node.position?.start);
  const end = index.offsetOf(node.position?.end);
  if (start === undefined || end === undefined) return { id: node.label ?? node.identifier, url: node.url, title: node.title ?? null, length: 0 };
  const found = readDefinition(`${index.source.slice(start, end)}\n`, 0);
  if (found) {
    const data = (node.data ??= {}) as { kramdownUrl?: string; kramdownTitle?: string | null };
    data.kramdownUrl = decodeReferences(found.url);
    data.kramdownTitle = found.title === null ? null : decodeReferences(found.title);
  }
  return found;
}

function definitionOf(node: Definition): LinkDefinition {
  const data = node.data as { kramdownUrl?: string; kramdownTitle?: string | null } | undefined;
  if (data?.kramdownUrl === undefined) return { url: node.url, title: node.title ?? null, node };
  return { url: data.kramdownUrl, title: data.kramdownTitle ?? null, node };
}

/** A CommonMark definition kramdown does not accept (e.g. its url on the next line) is text. */
function asParagraph(node: Definition, index: SourceIndex): Paragraph {
  const start = index.offsetOf(node.position?.start)!;
  const end = index.offsetOf(node.position?.end)!;
  const value = index.source.slice(start, end).replace(/\n[ \t>]*/g, '\n');
  return { type: 'paragraph', children: [{ type: 'text', value, position: node.position }], position: node.position };
}

/** A paragraph whose first lines kramdown reads as definitions: the definitions, then the rest. */
function definitionsIn(paragraph: Paragraph, index: SourceIndex): Array<Definition | Paragraph> | undefined {
  const first = paragraph.children[0];
  if (!first || first.type !== 'text' || !first.value.startsWith('[')) return undefined;
  const sequence = new SpanSequence(paragraph.children, index, (child) => child.type !== 'text');
  const { text, positions } = sequence.written();
  const out: Array<Definition | Paragraph> = [];
  let at = 0;
  for (let found = readDefinition(`${text}\n`, 0); found; found = readDefinition(`${text}\n`, at)) {
    const end = Math.min(at + found.length, text.length);
    const from = positions[at]!;
    const to = positions[end]!;
    if (from < 0 || to < 0) break;
    const definition: Definition = {
      type: 'definition',
      identifier: normalizeLinkId(found.id),
      label: found.id,
      url: decodeReferences(found.url),
      title: found.title === null ? null : decodeReferences(found.title),
    };
    const position = sequence.positionOf(from, to);
    if (position) definition.position = position;
    // an IAL written before the paragraph belongs to its first block, the definition
    if (out.length === 0 && paragraph.data) definition.data = paragraph.data as Definition['data'];
    out.push(definition);
    at = end;
  }
  if (out.length === 0) return undefined;
  if (at < text.length) {
    const rest = sequence.slice(positions[at]!, sequence.length) as PhrasingContent[];
    const position = sequence.positionOf(positions[at]!, sequence.length);
    out.push({ type: 'paragraph', children: rest, ...(position ? { position } : {}) });
  }
  return out;
}

/** The IAL of a definition, which kramdown copies onto every link using it. */
export function definitionAttributes(definition: LinkDefinition): KramdownNodeData['kramdownIal'] {
  return (definition.node.data as KramdownNodeData | undefined)?.kramdownIal;
}
