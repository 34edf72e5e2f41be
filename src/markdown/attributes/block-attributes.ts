import type { Heading, ListItem, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { ALD_LINE, BLOCK_IAL_LINE, emptyAttributeList, mergeAttributeList, parseAttributeList, type AttributeList } from './attribute-list.js';
import { attachAttributeList, kramdownData, type AttributeSite } from './attribute-data.js';
import { sliceText } from '../source/text-literals.js';
import { joinParagraphLines, lineText, splitParagraphLines, type ParagraphLine } from './paragraph-lines.js';
import { pushAll, spliceAll } from '../source/arrays.js';

// Block-level attribute lists. kramdown ends a paragraph at a line `{: ...}` (an IAL) or
// `{:name: ...}` (an ALD); an IAL right after a block (no blank line) applies to that
// block, one standing before a block applies to the block that follows, across blank
// lines too when a blank line stands before the IAL (else kramdown hands the IAL to the
// first blank line, and it is lost). A line that
// lazily continues a list item ends the list in kramdown, so its IAL goes to the list
// (this is how `1. Contents\n{:toc}` marks the table-of-contents list).

export interface BlockAttributeContext {
  /** The Markdown text the tree was parsed from. */
  source: string;
  /** ALDs of the document, filled in as they are found. */
  definitions: Map<string, AttributeList>;
  warn(site: AttributeSite, message: string): void;
}

type Container = Parent & { children: RootContent[] };

const LIST_ITEM_IAL = /^\s*\{:(?!(?:[A-Za-z0-9_][\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;
const HEADER_ID = /[\t ]\{#([\p{L}_:][\p{L}\p{M}\p{N}_:.\-\u00B7]*)\}$/u;

/** Finds ALDs, block IALs, list item IALs and header ids, and attaches them to their nodes. */
export function collectBlockAttributes(tree: Root, context: BlockAttributeContext): void {
  const scan: ScanContext = { ...context, lines: context.source.split('\n') };
  const after = new Map<Nodes, RootContent[]>();
  const carried = new Map<Nodes, Pending>();
  // an explicit stack, so a deeply nested document cannot exhaust the call stack
  const frames: Array<{ container: Container; index: number }> = [{ container: tree as Container, index: 0 }];
  const trail: Nodes[] = [tree];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const { container } = frame;
    if (frame.index >= container.children.length) {
      frames.pop();
      trail.pop();
      const parent = frames[frames.length - 1];
      if (parent) insertMoved(parent, container as Nodes, after);
      continue;
    }
    const child = container.children[frame.index]!;
    if (child.type === 'paragraph') {
      frame.index = processParagraph(container, frame.index, trail, scan, after, carried) + 1;
      continue;
    }
    const pending = carried.get(child);
    if (pending) applyPending(child, pending);
    if (child.type === 'heading') takeHeaderId(child, scan.source);
    if (child.type === 'listItem') takeListItemAttributes(child, scan);
    if ('children' in child && child.type !== 'heading' && child.type !== 'table') {
      frames.push({ container: child as Container, index: 0 });
      trail.push(child);
      continue;
    }
    insertMoved(frame, child, after);
  }
}

/** Puts what an IAL moved out of `child` right after it, and steps past the child. */
function insertMoved(frame: { container: Container; index: number }, child: Nodes, after: Map<Nodes, RootContent[]>): void {
  const moved = after.get(child);
  if (moved) {
    after.delete(child);
    spliceAll(frame.container.children, frame.index + 1, 0, moved);
  }
  frame.index++;
}

interface ScanContext extends BlockAttributeContext {
  /** The source's lines, split once. */
  lines: string[];
}

type Segment =
  | { kind: 'text'; lines: ParagraphLine[] }
  | { kind: 'ial'; content: string; site: AttributeSite }
  | { kind: 'ald'; name: string; content: string; site: AttributeSite };

function segmentsOf(paragraph: Paragraph, lines: string[]): Segment[] | undefined {
  const segments: Segment[] = [];
  let found = false;
  for (const line of splitParagraphLines(paragraph)) {
    const text = lineText(line);
    const ald = text === undefined || line.hardBreak ? null : ALD_LINE.exec(text);
    const ial = ald || text === undefined || line.hardBreak ? null : BLOCK_IAL_LINE.exec(text);
    if (ald || ial) {
      found = true;
      const site = siteOf(line, lines);
      segments.push(ald ? { kind: 'ald', name: ald[1]!, content: ald[2]!, site } : { kind: 'ial', content: ial![1]!, site });
      continue;
    }
    const last = segments[segments.length - 1];
    if (last && last.kind === 'text') last.lines.push(line);
    else segments.push({ kind: 'text', lines: [line] });
  }
  return found ? segments : undefined;
}

function siteOf(line: ParagraphLine, lines: string[]): AttributeSite {
  const number = line.line ?? 1;
  const text = lines[number - 1] ?? '';
  const at = text.indexOf('{:');
  return { line: number, column: at < 0 ? 1 : at + 1 };
}

/** IALs waiting for the next block; `line`: where the first of them stands. */
interface Pending {
  list: AttributeList;
  sites: AttributeSite[];
  line: number;
}

function applyPending(node: Nodes, pending: Pending): void {
  for (const site of pending.sites) attachAttributeList(node, emptyAttributeList(), site);
  attachAttributeList(node, pending.list);
}

function processParagraph(
  container: Container,
  index: number,
  trail: Nodes[],
  context: ScanContext,
  after: Map<Nodes, RootContent[]>,
  carried: Map<Nodes, Pending>,
): number {
  const paragraph = container.children[index] as Paragraph;
  let pending = carried.get(paragraph);
  carried.delete(paragraph);
  const segments = segmentsOf(paragraph, context.lines);
  if (!segments) {
    if (pending) applyPending(paragraph, pending);
    return index;
  }

  const before = container.children[index - 1];
  let previous: Nodes | undefined = before && adjacent(before, paragraph) && !pending ? before : undefined;
  const replacement: RootContent[] = [];

  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    if (segment.kind === 'text') {
      const node: Paragraph = { type: 'paragraph', children: joinParagraphLines(segment.lines), position: spanOf(segment.lines, paragraph) };
      if (pending) {
        applyPending(node, pending);
        pending = undefined;
      }
      replacement.push(node);
      previous = node;
    } else if (segment.kind === 'ald') {
      const list = context.definitions.get(segment.name) ?? emptyAttributeList();
      if (!parseAttributeList(segment.content, list)) context.warn(segment.site, `no valid attributes in ALD "{:${segment.name}:${segment.content}}"`);
      context.definitions.set(segment.name, list);
      previous = undefined;
    } else {
      const list = emptyAttributeList();
      if (!parseAttributeList(segment.content, list)) context.warn(segment.site, `no valid attributes in IAL "{:${segment.content}}"`);
      const lazyList = previous ? containerEndedBy(segment.site, context.lines, trail) : undefined;
      if (lazyList) {
        attachAttributeList(lazyList.list, list, segment.site);
        const restLines = linesAfter(segments, s);
        if (restLines.length > 0) {
          const moved: Paragraph = { type: 'paragraph', children: joinParagraphLines(restLines), position: spanOf(restLines, paragraph) };
          after.set(lazyList.list, [...(after.get(lazyList.list) ?? []), moved]);
        }
        break;
      }
      if (previous) attachAttributeList(previous, list, segment.site);
      else if (pending) {
        mergeAttributeList(pending.list, list);
        pending.sites.push(segment.site);
      } else pending = { list, sites: [segment.site], line: segment.site.line };
    }
  }

  const next = container.children[index + 1];
  if (pending && next && (adjacentLine(segments, next) || blankLineBefore(pending.line, context.lines))) carried.set(next, pending);
  spliceAll(container.children, index, 1, replacement);
  return index + replacement.length - 1;
}

/** Lines of the paragraph after segment `s`, IAL lines included (re-read as text where they stand). */
function linesAfter(segments: Segment[], s: number): ParagraphLine[] {
  const lines: ParagraphLine[] = [];
  for (const segment of segments.slice(s + 1)) {
    if (segment.kind === 'text') pushAll(lines, segment.lines);
    else {
      const source = segment.kind === 'ald' ? `{:${segment.name}:${segment.content}}` : `{:${segment.content}}`;
      const position = { start: { line: segment.site.line, column: segment.site.column }, end: { line: segment.site.line, column: segment.site.column + source.length } };
      lines.push({ nodes: [{ type: 'text', value: source, position }], line: segment.site.line });
    }
  }
  return lines;
}

/**
 * An IAL line that lazily continues a paragraph ends the containers it is not part of in
 * kramdown: a list item when it is indented less than the item's content, a blockquote
 * when it lacks that blockquote's `>`. The IAL then belongs to the outermost container it
 * ended (this is how `1. Contents\n{:toc}` marks the table-of-contents list).
 */
function containerEndedBy(site: AttributeSite, lines: string[], trail: Nodes[]): { list: Nodes } | undefined {
  const prefix = (lines[site.line - 1] ?? '').slice(0, site.column - 1);
  const markers = (prefix.match(/>/g) ?? []).length;
  let ended: Nodes | undefined;
  // blockquotes from the root down to the current node
  let depth = trail.filter((n) => n.type === 'blockquote').length;
  for (let i = trail.length - 1; i >= 1; i--) {
    const node = trail[i]!;
    if (node.type === 'blockquote') {
      if (markers >= depth--) break;
      ended = node;
      continue;
    }
    if (node.type !== 'listItem') continue;
    const contentColumn = (node as ListItem).children[0]?.position?.start.column;
    if (contentColumn === undefined || site.column >= contentColumn) break;
    const list = trail[i - 1];
    if (list && list.type === 'list') ended = list;
  }
  return ended ? { list: ended } : undefined;
}

function adjacent(before: Nodes, next: Nodes): boolean {
  const end = before.position?.end.line;
  const start = next.position?.start.line;
  return end !== undefined && start !== undefined && start <= end + 1;
}

/** Whether the source line before `line` is blank (inside its blockquotes). */
function blankLineBefore(line: number, lines: string[]): boolean {
  return line > 1 && /^[\s>]*$/.test(lines[line - 2] ?? '');
}

function adjacentLine(segments: Segment[], next: Nodes): boolean {
  const last = segments[segments.length - 1]!;
  const line = last.kind === 'text' ? last.lines[last.lines.length - 1]?.line : last.site.line;
  const start = next.position?.start.line;
  return line !== undefined && start !== undefined && start === line + 1;
}

function spanOf(lines: ParagraphLine[], fallback: Paragraph): Paragraph['position'] {
  const first = lines[0]?.line;
  const last = lines[lines.length - 1]?.line;
  if (first === undefined || last === undefined || !fallback.position) return fallback.position;
  return { start: { line: first, column: 1 }, end: { line: last, column: 1 } };
}

function takeHeaderId(heading: Heading, source: string): void {
  const last = heading.children[heading.children.length - 1];
  if (!last || last.type !== 'text') return;
  const match = HEADER_ID.exec(last.value);
  if (!match) return;
  sliceText(last, 0, match.index);
  // kramdown takes the id off first, then an ATX header's closing hashes
  const atx = heading.position?.start.offset !== undefined && /^ {0,3}#/.test(source.slice(heading.position.start.offset));
  const trimmed = atx ? last.value.replace(/[\t ]+$/, '').replace(/[\t ]#+$/, '') : last.value;
  sliceText(last, 0, trimmed.replace(/[\t ]+$/, '').length);
  if (last.value === '') heading.children.pop();
  kramdownData(heading).kramdownHeaderId = match[1]!;
}

function takeListItemAttributes(item: ListItem, context: BlockAttributeContext): void {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || first.position?.start.line !== item.position?.start.line) return;
  const text = first.children[0];
  if (!text || text.type !== 'text') return;
  const match = LIST_ITEM_IAL.exec(text.value);
  if (!match) return;
  const list = emptyAttributeList();
  const site = { line: text.position?.start.line ?? 1, column: text.position?.start.column ?? 1 };
  if (!parseAttributeList(match[1]!, list)) context.warn(site, `no valid attributes in IAL "{:${match[1]}}"`);
  sliceText(text, match[0].length);
  if (text.value === '') first.children.shift();
  attachAttributeList(item, list, site);
}
