import type { Emphasis, Nodes, PhrasingContent, Root, Strong } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { SourceIndex } from '../source/offsets.js';
import { isRawText } from '../inline/span-html.js';
import { findKramdownEmphasis, type EmphasisRange } from './kramdown-emphasis.js';
import { SpanSequence } from '../source/span-sequence.js';
import { dissolveSpanGroups, groupSpanElements, SPAN_GROUP } from './span-elements.js';

// Emphasis is kramdown's, not CommonMark's: CommonMark's delimiter-run rules pair `*` and
// `_` differently (`**foo*`, `*a **b* c**`, `_a_b_`, `***x***`), and nest without limit. So
// the CommonMark construct is switched off and every `*`/`_` reaches the tree as text;
// this pass then pairs them with kramdown's rules, container by container, once code
// spans, links and HTML are known (kramdown's parsers take those first as well).

/** micromark extension: no CommonMark emphasis (the `attention` construct). */
export const withoutCommonMarkEmphasis: Extension = { disable: { null: ['attention'] } };

/**
 * The em and strong elements kramdown's scan made where it also looked for links (see
 * parseKramdownLinks), by source offsets: whether a link's text ends at its `]` depends on
 * the emphasis around and in it, and the other way round, so those containers take the
 * scan's result; the others are scanned here.
 */
export interface ScannedEmphasis {
  /** By the offset of the opening delimiter. */
  ranges: Map<number, { kind: 'emphasis' | 'strong'; contentStart: number; contentEnd: number; closerEnd: number }>;
  /**
   * The containers scanned, by type and start (scannedContainerKey): a block and its first
   * paragraph start at the same offset, and a block is scanned for its HTML children.
   */
  containers: Set<string>;
  /** The start tags of the HTML elements whose content was scanned. */
  elements: Set<number>;
}

export function scannedContainerKey(type: string, start: number): string {
  return `${type}@${start}`;
}

export function applyKramdownEmphasis(tree: Root, index: SourceIndex, scanned?: ScannedEmphasis): void {
  const source = index.source;
  // iterative, so a deeply nested document cannot exhaust the stack
  const pending: Array<{ node: Nodes; emphasis: boolean; strong: boolean }> = [{ node: tree, emphasis: false, strong: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, emphasis, strong } = item;
    if (!('children' in node) || isAutolink(node, source)) continue;
    // an em or strong was built by this pass, with its content already parsed
    const parsed = node.type === 'emphasis' || node.type === 'strong';
    if (!parsed && hasDelimiter(node.children as Nodes[])) {
      const children = withSpanGroups(node);
      const sequence = new SpanSequence(children, index, (child) => child.type !== 'text' || isRawText(child));
      const first = sequence.offsetAt(0);
      const known =
        first !== undefined &&
        ((node.type as string) === SPAN_GROUP ? scanned?.elements.has(first) : scanned?.containers.has(scannedContainerKey(node.type, first)));
      const ranges = known ? replayEmphasis(sequence, scanned!) : findKramdownEmphasis(sequence, { emphasis, strong });
      (node as { children: PhrasingContent[] }).children = ranges.length > 0 ? rebuild(sequence, ranges, 0, sequence.length) : children;
    }
    for (const child of node.children as Nodes[]) {
      pending.push({ node: child, emphasis: emphasis || child.type === 'emphasis', strong: strong || child.type === 'strong' });
    }
  }
  dissolveSpanGroups(tree);
}

/** The node's children with span HTML elements grouped (a group's own are grouped already). */
function withSpanGroups(node: Nodes & { children: unknown[] }): PhrasingContent[] {
  const children = node.children as PhrasingContent[];
  return (node.type as string) === SPAN_GROUP ? children : groupSpanElements(children);
}

function hasDelimiter(children: Nodes[]): boolean {
  return children.some((child) => child.type === 'text' && !isRawText(child) && /[*_]/.test(child.value));
}

function rebuild(sequence: SpanSequence, ranges: EmphasisRange[], from: number, to: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = from;
  for (const range of ranges) {
    for (const node of sequence.slice(cursor, range.start)) out.push(node);
    const element: Emphasis | Strong = { type: range.kind, children: rebuild(sequence, range.children, range.contentStart, range.contentEnd) };
    const position = sequence.positionOf(range.start, range.end);
    if (position) element.position = position;
    out.push(element);
    cursor = range.end;
  }
  for (const node of sequence.slice(cursor, to)) out.push(node);
  return out;
}

/** The scanned em and strong elements of a container, as ranges of its positions. */
function replayEmphasis(sequence: SpanSequence, scanned: ScannedEmphasis): EmphasisRange[] {
  const positionAt = new Map<number, number>();
  for (let position = sequence.length; position >= 0; position--) {
    const offset = sequence.offsetAt(position);
    if (offset !== undefined) positionAt.set(offset, position);
  }
  const replay = (from: number, to: number): EmphasisRange[] => {
    const out: EmphasisRange[] = [];
    for (let at = from; at < to; at++) {
      if (!sequence.delimiterAt(at)) continue;
      const offset = sequence.offsetAt(at);
      const range = offset === undefined ? undefined : scanned.ranges.get(offset);
      if (!range) continue;
      const contentStart = positionAt.get(range.contentStart);
      const contentEnd = positionAt.get(range.contentEnd);
      const closerEnd = positionAt.get(range.closerEnd);
      if (contentStart === undefined || contentEnd === undefined || closerEnd === undefined) continue;
      const end = closerEnd + 1;
      if (!(at < contentStart && contentStart <= contentEnd && contentEnd < end && end <= to)) continue;
      out.push({ kind: range.kind, start: at, contentStart, contentEnd, end, children: replay(contentStart, contentEnd) });
      at = end - 1;
    }
    return out;
  };
  return replay(0, sequence.length);
}

function isAutolink(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  return node.type === 'link' && start !== undefined && source[start] === '<';
}
