import type { Image, Link, Nodes, PhrasingContent, Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { SourceIndex } from '../source/offsets.js';
import { SpanSequence } from '../source/span-sequence.js';
import { isRawText } from '../inline/span-html.js';
import { SpanTags } from './span-element-tags.js';
import { attachAttributeList } from '../attributes/attribute-data.js';
import { definitionAttributes, normalizeLinkId, type LinkDefinition } from './link-definitions.js';
import { readLinkTarget, WrittenText } from './link-target.js';
import type { EmphasisRange } from '../emphasis/kramdown-emphasis.js';
import { scanKramdownSpans, type LinkSyntax } from './kramdown-link-scan.js';
import { scannedContainerKey, type ScannedEmphasis } from '../emphasis/apply-emphasis.js';

// Links and images the way kramdown reads them, not CommonMark: the text runs to the `]`
// that balances the `[` as kramdown's scan sees it, emphasis included (see
// kramdown-link-scan.ts, whose emphasis is kept for the emphasis pass); then `[id]` (whitespace allowed before it, `[]` meaning the text
// itself), or `(target)` read as written up to the balancing `)` or a quoted title, or
// nothing, which makes the text the id. Ids are looked up among kramdown's definitions
// (the last definition of an id wins); an unknown id leaves the `[` as text. Links do not
// nest (a `[` inside a link's text is text), images may sit in links, and an image's alt
// text is its bracketed source. CommonMark's own link constructs are switched off, so
// every bracket reaches the tree as text and is paired here, in linear time.

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
const FOOTNOTE_MARKER = /\[\^[A-Za-z0-9_][\w-]*\]/y;
// how a node other than text shows in a span sequence
const ATOM = '\uFFFC';

/** Turns every kramdown link and image of the tree into a node. */
export function parseKramdownLinks(tree: Root, index: SourceIndex, definitions: Map<string, LinkDefinition>, parseSpanHtml = true): ScannedEmphasis {
  // kramdown finds links and emphasis in one scan; the emphasis is kept for its own pass
  const scanned: ScannedEmphasis = { ranges: new Map(), containers: new Set(), elements: new Set() };
  const source = index.source;
  let longestId = 0;
  for (const id of definitions.keys()) longestId = Math.max(longestId, id.length);
  const pending: Array<{ node: Nodes; inLink: boolean }> = [{ node: tree, inLink: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, inLink } = item;
    if (!('children' in node) || isAutolink(node, source)) continue;
    const children = node.children as Nodes[];
    // brackets may make links, and emphasis may take an HTML element's end tag
    if (children.some((child) => (child.type === 'text' && !isRawText(child) && child.value.includes('[')) || child.type === 'html')) {
      const sequence = new SpanSequence(children as PhrasingContent[], index, (child) => child.type !== 'text' || isRawText(child));
      const parsed = new LinkScan(sequence, definitions, longestId, parseSpanHtml).run(inLink, scanned, node.type);
      if (parsed) (node as { children: PhrasingContent[] }).children = parsed;
    }
    for (const child of node.children as Nodes[]) pending.push({ node: child, inLink: inLink || child.type === 'link' });
  }
  return scanned;
}

class LinkScan {
  private target?: WrittenText;

  constructor(
    private readonly sequence: SpanSequence,
    private readonly definitions: Map<string, LinkDefinition>,
    private readonly longestId: number,
    private readonly parseSpanHtml: boolean,
  ) {}

  /** The container's new children, or undefined when it holds no link. */
  /** `containerType`: the type of the node whose children are scanned. */
  run(inLink: boolean, scanned: ScannedEmphasis, containerType: string): PhrasingContent[] | undefined {
    const { sequence } = this;
    const tags = new SpanTags(sequence, this.parseSpanHtml);
    // only where a link ends, for each `[` the scan tries (nodes are built for the links made)
    const ends = new Map<number, number>();
    const linkEnd = (open: number, close: number, image: boolean) => {
      const key = open * (sequence.length + 1) + close;
      if (!ends.has(key)) ends.set(key, this.linkAt(open, close, image, false)?.end ?? -1);
      return ends.get(key)!;
    };
    const syntax: LinkSyntax = {
      bracketAt: (at) => {
        const c = sequence.chars[at];
        return (c === '[' || c === ']') && sequence.isPlain(at) ? c : '';
      },
      isImage: (at) => sequence.chars[at - 1] === '!' && sequence.isPlain(at - 1),
      isFootnote: (at) => sequence.writtenAt(at + 1) === '^',
      linkEnd,
      ...tags,
      footnoteEnd: (at) => this.footnoteEnd(at),
    };
    // kramdown's emphasis decides where a link's text ends, so both are scanned together
    const { links: ranges, emphasis, elements } = scanKramdownSpans(sequence, syntax, inLink);
    // a link's text is a container of its own, scanned again with the emphasis around it
    if (!inLink) recordEmphasis(sequence, emphasis, elements, scanned, containerType);
    const { closers, revived } = tags.settle(elements);
    if (ranges.length === 0 && closers.length === 0 && revived.length === 0 && !tags.changed) return undefined;
    const made: Array<{ start: number; end: number; node: PhrasingContent }> = revived;
    for (const range of ranges) {
      const link = this.linkAt(range.open, range.close, range.image, true)!;
      made.push({ start: range.image ? range.open - 1 : range.open, end: link.end, node: link.node });
    }
    made.sort((a, b) => a.start - b.start);
    const out: PhrasingContent[] = [];
    let cursor = 0;
    for (const { start, end, node } of made) {
      for (const piece of sequence.slice(cursor, start)) out.push(piece);
      out.push(node);
      cursor = end;
    }
    for (const node of sequence.slice(cursor, sequence.length)) out.push(node);
    for (const closer of closers) out.push(closer);
    return out;
  }

  private linkAt(open: number, close: number, image: boolean, build: true): { node: Link | Image; end: number } | undefined;
  private linkAt(open: number, close: number, image: boolean, build: false): { end: number } | undefined;
  private linkAt(open: number, close: number, image: boolean, build: boolean): { node?: Link | Image; end: number } | undefined {
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
      if (!build) return { end };
      url = this.targetPart(target.url);
      title = target.title ? this.targetPart(target.title) : null;
    }
    if (!build) return { end };
    const start = image ? open - 1 : open;
    const node: Link | Image = image
      ? { type: 'image', url, title, alt: sequence.targetText(open + 1, close, ESCAPED) }
      : { type: 'link', url, title, children: sequence.slice(open + 1, close) };
    // a link ends with a plain `)` or `]`, which tells where it ends when what follows
    // it has no position (an end tag put in for an element left open)
    const from = sequence.offsetAt(start);
    const to = sequence.offsetAt(end - 1);
    if (from !== undefined && to !== undefined) node.position = { start: sequence.pointAt(from), end: sequence.pointAt(to + 1) };
    const attributes = definition && definitionAttributes(definition);
    if (attributes) attachAttributeList(node, attributes);
    return { node, end };
  }

  /** After the footnote marker at `at` (written, or a footnote reference node), else -1. */
  private footnoteEnd(at: number): number {
    const { sequence } = this;
    const c = sequence.chars[at];
    if (c !== '[') return c === ATOM && sequence.slice(at, at + 1)[0]?.type === 'footnoteReference' ? at + 1 : -1;
    if (!sequence.isPlain(at) || sequence.writtenAt(at + 1) !== '^') return -1;
    const { text, starts, positions } = sequence.written();
    FOOTNOTE_MARKER.lastIndex = starts[at]!;
    return FOOTNOTE_MARKER.test(text) ? positions[FOOTNOTE_MARKER.lastIndex]! : -1;
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

/** Keeps the scan's emphasis by source offsets, with the container and elements it covers. */
function recordEmphasis(sequence: SpanSequence, emphasis: EmphasisRange[], elements: Array<{ start: number }>, scanned: ScannedEmphasis, containerType: string): void {
  const first = sequence.offsetAt(0);
  if (first === undefined) return;
  scanned.containers.add(scannedContainerKey(containerType, first));
  for (const { start } of elements) {
    const offset = sequence.offsetAt(start);
    if (offset !== undefined) scanned.elements.add(offset);
  }
  for (const range of emphasis) {
    const start = sequence.offsetAt(range.start);
    const contentStart = sequence.offsetAt(range.contentStart);
    const contentEnd = sequence.offsetAt(range.contentEnd);
    // the closer's last character (what follows it may have no position: an end tag put in)
    const closerEnd = sequence.offsetAt(range.end - 1);
    if (start === undefined || contentStart === undefined || contentEnd === undefined || closerEnd === undefined) continue;
    scanned.ranges.set(start, { kind: range.kind, contentStart, contentEnd, closerEnd });
  }
}

function isAutolink(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  return node.type === 'link' && start !== undefined && source[start] === '<';
}
