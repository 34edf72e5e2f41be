import type { Image, Link, Nodes, PhrasingContent, Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { SourceIndex } from '../source/offsets.js';
import { SpanSequence } from '../source/span-sequence.js';
import { isRawText } from '../inline/span-html.js';
import { attachAttributeList } from '../attributes/attribute-data.js';
import { definitionAttributes, normalizeLinkId, type LinkDefinition } from './link-definitions.js';
import { readLinkTarget, WrittenText } from './link-target.js';

// Links and images the way kramdown reads them, not CommonMark: the text runs to the `]`
// that balances the `[`; then `[id]` (whitespace allowed before it, `[]` meaning the text
// itself), or `(target)` read as written up to the balancing `)` or a quoted title, or
// nothing, which makes the text the id. Ids are looked up among kramdown's definitions
// (the last definition of an id wins); an unknown id leaves the `[` as text. Links do not
// nest (a `[` inside a link's text is text), images may sit in links, and an image's alt
// text is its bracketed source. CommonMark's own link constructs are switched off, so
// every bracket reaches the tree as text and is paired here, in one linear pass.

/**
 * micromark extension: no CommonMark links, images or references. (GFM's `![^note]` check,
 * which walks back over the whole paragraph at every `]` for an image start that can no
 * longer exist, goes too.)
 */
export const withoutCommonMarkLinks: Extension = {
  disable: { null: ['labelStartLink', 'labelStartImage', 'labelEnd', 'gfmPotentialFootnoteCall'] },
};

// kramdown drops the backslash of these escapes in an alt text or link id.
const ESCAPED = '\\.*_+`<>()[]{}#!:|"\'$=-';
const SPACE = /[ \t\n\r\f\v]/;
const REFERENCE = /[ \t\n\r\f\v]*?\[([^\]]+)?\]/y;

/** Turns every kramdown link and image of the tree into a node. */
export function parseKramdownLinks(tree: Root, index: SourceIndex, definitions: Map<string, LinkDefinition>): void {
  const source = index.source;
  let longestId = 0;
  for (const id of definitions.keys()) longestId = Math.max(longestId, id.length);
  const pending: Array<{ node: Nodes; inLink: boolean }> = [{ node: tree, inLink: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, inLink } = item;
    if (!('children' in node) || isAutolink(node, source)) continue;
    const children = node.children as Nodes[];
    if (children.some((child) => child.type === 'text' && !isRawText(child) && child.value.includes('['))) {
      const sequence = new SpanSequence(children as PhrasingContent[], index, (child) => child.type !== 'text' || isRawText(child));
      const parsed = new LinkScan(sequence, definitions, longestId).run(inLink);
      if (parsed) (node as { children: PhrasingContent[] }).children = parsed;
    }
    for (const child of node.children as Nodes[]) pending.push({ node: child, inLink: inLink || child.type === 'link' });
  }
}

class LinkScan {
  private target?: WrittenText;

  constructor(
    private readonly sequence: SpanSequence,
    private readonly definitions: Map<string, LinkDefinition>,
    private readonly longestId: number,
  ) {}

  /** The container's new children, or undefined when it holds no link. */
  run(inLink: boolean): PhrasingContent[] | undefined {
    const { sequence } = this;
    const closeOf = matchBrackets(sequence);
    const out: PhrasingContent[] = [];
    let cursor = 0;
    for (let open = 0; open < sequence.length; open++) {
      if (sequence.chars[open] !== '[' || !sequence.isPlain(open) || closeOf[open]! < 0) continue;
      const image = open > cursor && sequence.chars[open - 1] === '!' && sequence.isPlain(open - 1);
      if ((inLink && !image) || sequence.writtenAt(open + 1) === '^') continue;
      const link = this.linkAt(open, closeOf[open]!, image);
      if (!link) continue;
      const start = image ? open - 1 : open;
      for (const node of sequence.slice(cursor, start)) out.push(node);
      out.push(link.node);
      cursor = link.end;
      open = link.end - 1;
    }
    if (cursor === 0) return undefined;
    for (const node of sequence.slice(cursor, sequence.length)) out.push(node);
    return out;
  }

  private linkAt(open: number, close: number, image: boolean): { node: Link | Image; end: number } | undefined {
    const { sequence } = this;
    const written = (this.target ??= new WrittenText(sequence.written().text));
    const { starts, positions } = sequence.written();
    const after = starts[close + 1]!;
    const text = written.text;
    REFERENCE.lastIndex = after;
    const reference = text[after] === '(' ? null : REFERENCE.exec(text);
    let url: string;
    let title: string | null;
    let end: number;
    let definition: LinkDefinition | undefined;
    if (text[after] !== '(' || reference) {
      end = reference ? positions[REFERENCE.lastIndex]! : close + 1;
      const explicit = reference?.[1];
      const id = explicit === undefined ? this.textId(written, starts[open + 1]!, starts[close]!) : normalizeLinkId(explicit);
      definition = id === undefined ? undefined : this.definitions.get(id);
      if (!definition || end < 0) return undefined;
      ({ url, title } = definition);
    } else {
      const target = readLinkTarget(written, after);
      if (!target) return undefined;
      end = positions[target.end]!;
      if (end < 0) return undefined;
      url = this.targetPart(target.url);
      title = target.title ? this.targetPart(target.title) : null;
    }
    const start = image ? open - 1 : open;
    const node: Link | Image = image
      ? { type: 'image', url, title, alt: sequence.targetText(open + 1, close, ESCAPED) }
      : { type: 'link', url, title, children: sequence.slice(open + 1, close) };
    const position = sequence.positionOf(start, end);
    if (position) node.position = position;
    const attributes = definition && definitionAttributes(definition);
    if (attributes) attachAttributeList(node, attributes);
    return { node, end };
  }

  /**
   * The link text as kramdown looks it up (escapes dropped, whitespace runs as one space,
   * lower case); undefined as soon as it is longer than every defined id, so nested
   * brackets do not cost the square of their length.
   */
  private textId(written: WrittenText, from: number, to: number): string | undefined {
    const { text } = written;
    let id = '';
    for (let at = from; at < to; ) {
      if (id.length > this.longestId) return undefined;
      const c = text[at]!;
      if (SPACE.test(c)) {
        id += ' ';
        at = written.afterSpaces(at);
      } else if (c === '\\' && at + 1 < to && ESCAPED.includes(text[at + 1]!)) {
        id += text[at + 1];
        at += 2;
      } else {
        id += c;
        at++;
      }
    }
    return id.toLowerCase();
  }

  /** A url or title: as written, with references decoded where it covers whole positions. */
  private targetPart([from, to]: [number, number]): string {
    const { text, positions } = this.sequence.written();
    const start = positions[from]!;
    const end = positions[to]!;
    return start < 0 || end < 0 ? text.slice(from, to) : this.sequence.targetText(start, end);
  }
}

/** For each plain `[`, the plain `]` that balances it (-1 when none does). */
function matchBrackets(sequence: SpanSequence): Int32Array {
  const closeOf = new Int32Array(sequence.length).fill(-1);
  const open: number[] = [];
  for (let at = 0; at < sequence.length; at++) {
    const c = sequence.chars[at];
    if ((c !== '[' && c !== ']') || !sequence.isPlain(at)) continue;
    if (c === '[') open.push(at);
    else if (open.length > 0) closeOf[open.pop()!] = at;
  }
  return closeOf;
}

function isAutolink(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  return node.type === 'link' && start !== undefined && source[start] === '<';
}
