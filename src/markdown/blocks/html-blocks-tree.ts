import type { Html, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Node, Point } from 'unist';
import type { KramdownOptions } from '../options.js';
import { contentModel, htmlBlockEnd, nestedElementModel, parsedElementExtent, readHtmlStartTag, type ContentModel, type HtmlStartTag } from './html-structure.js';
import { HTML_SPAN_ELEMENTS, printRawHtml } from './html-scan.js';

// Block HTML after parsing: an element whose content kramdown parses (a `markdown`
// attribute, or `parse_block_html`) becomes a `kramdownHtmlElement` holding its content
// parsed as Markdown (blocks, or the inline content for the span model); text after an
// element's end tag on its line is parsed as blocks following it. `{::options}` that
// set `parse_block_html` count from where they stand.

export interface HtmlElementNode extends Parent {
  type: 'kramdownHtmlElement';
  tagName: string;
  attributes: Array<[string, string]>;
  model: ContentModel;
  /** How many raw elements are open around it, when it stands inside raw HTML (kramdown indents its content that much deeper). */
  rawDepth?: number;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownHtmlElement: HtmlElementNode;
  }
  interface BlockContentMap {
    kramdownHtmlElement: HtmlElementNode;
  }
}

/** Parses a piece of the document as Markdown (the processor's parser), or as span content only. */
export type FragmentParser = (text: string, spansOnly?: boolean) => Root;

/** Elements parsed inside one another beyond this depth stay raw (each level is parsed again). */
const MAX_ELEMENT_DEPTH = 32;

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'kramdownDefinitionTerm']);
export function expandHtmlBlocks(tree: Root, parse: FragmentParser, source: string, options: KramdownOptions): void {
  const done = new WeakSet<Node>();
  let parseBlockHtml = options.parse_block_html;
  const stack: Array<{ parent: Parent; index: number; elements: number }> = [{ parent: tree, index: 0, elements: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.parent.children[frame.index] as Nodes | undefined;
    if (!node) {
      stack.pop();
      continue;
    }
    const options = node.type === 'kramdownOptions' ? node.options : (node.data as { kramdownOptions?: Partial<KramdownOptions> } | undefined)?.kramdownOptions;
    if (options?.parse_block_html !== undefined) parseBlockHtml = options.parse_block_html;
    const spanParent = PHRASING_PARENTS.has(frame.parent.type) || (frame.parent as HtmlElementNode).model === 'span';
    if (node.type === 'html' && !spanParent && !done.has(node) && frame.elements < MAX_ELEMENT_DEPTH) {
      done.add(node);
      const replacement = expandHtml(node, parse, source, parseBlockHtml, done);
      if (replacement) {
        frame.parent.children.splice(frame.index, 1, ...(replacement as typeof frame.parent.children));
        continue;
      }
    }
    frame.index++;
    if ('children' in node) stack.push({ parent: node, index: 0, elements: frame.elements + (node.type === 'kramdownHtmlElement' ? 1 : 0) });
  }
}

function expandHtml(node: Html, parse: FragmentParser, source: string, parseBlockHtml: boolean, done: WeakSet<Node>): RootContent[] | undefined {
  const text = node.value;
  const tag = text.startsWith('<!--') ? undefined : readHtmlStartTag(text);
  const model = tag && !HTML_SPAN_ELEMENTS.has(tag.name) ? contentModel(tag, parseBlockHtml) : 'raw';
  const place = placeOf(node, source);
  if (tag && model !== 'raw') {
    const { element, end } = parsedElement(node, parse, place, text, 0, tag, model, parseBlockHtml);
    return [element, ...trailingBlocks(parse, text, end, place)];
  }
  const found = htmlBlockEnd(text, parseBlockHtml);
  const end = typeof found === 'number' ? found : text.length;
  const pieces = rawPieces(node, parse, place, text.slice(0, end), parseBlockHtml);
  if (pieces.length === 1 && end === text.length && pieces[0]!.type === 'html' && pieces[0]!.value === text) return undefined;
  for (const piece of pieces) if (piece.type === 'html') done.add(piece);
  return [...pieces, ...trailingBlocks(parse, text, end, place)];
}

function parsedElement(node: Html, parse: FragmentParser, place: Place, text: string, at: number, tag: HtmlStartTag, model: ContentModel, parseBlockHtml = false) {
  const extent = parsedElementExtent(text.slice(at), tag, model, undefined, parseBlockHtml);
  const parseContent = (fragment: string) => parse(fragment, model === 'span');
  const content = parseFragment(parseContent, text.slice(at + extent.contentStart, at + extent.contentEnd), place, text, at + extent.contentStart);
  const element: HtmlElementNode = {
    type: 'kramdownHtmlElement',
    tagName: tag.name,
    attributes: tag.attributes,
    model,
    children: model === 'span' ? inlineContent(content) : content,
    position: node.position,
  };
  if (node.data && at === 0) element.data = node.data;
  return { element, end: at + extent.end };
}

const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/;

/**
 * Raw HTML as kramdown prints it: an element inside it whose `markdown` attribute asks
 * for parsing is parsed all the same, from its start tag to its own end (see
 * html-scan.ts); other `markdown` attributes are dropped.
 */
function rawPieces(node: Html, parse: FragmentParser, place: Place, text: string, parseBlockHtml: boolean): RootContent[] {
  const elements = new Map<number, HtmlElementNode>();
  const parsedEnd = (at: number) => {
    const tag = readHtmlStartTag(text.slice(at));
    const model = nestedElementModel(tag);
    if (!tag || model === 'raw') return undefined;
    const { element, end } = parsedElement(node, parse, place, text, at, tag, model, parseBlockHtml);
    elements.set(at, element);
    return end;
  };
  const pieces = printRawHtml(text, parsedEnd).map((piece): RootContent =>
    typeof piece === 'string' ? { ...node, value: dropMarkdownAttributes(piece) } : { ...elements.get(piece.start)!, rawDepth: piece.depth },
  );
  return pieces.length > 0 ? pieces : [{ ...node, value: '' }];
}

function dropMarkdownAttributes(html: string): string {
  return html.replace(/<[A-Za-z_:][\w:.-]*\s(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => tag.replace(MARKDOWN_ATTRIBUTE, ''));
}

/** Text after the end tag (the line's whitespace skipped) is parsed as blocks. */
function trailingBlocks(parse: FragmentParser, text: string, end: number, place: Place): RootContent[] {
  const rest = text.slice(end).replace(/^[ \t]*(?:\r?\n)?/, '');
  if (rest.trim() === '') return [];
  return parseFragment(parse, rest, place, text, text.length - rest.length);
}

/** The inline content of a span-model element: its paragraphs' content, one after the other. */
function inlineContent(blocks: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const block of blocks) {
    if (out.length > 0) out.push({ type: 'text', value: '\n\n' });
    if (block.type === 'paragraph') out.push(...(block.children as PhrasingContent[]));
    else out.push(block);
  }
  return out;
}

interface Place {
  start: Point;
  /** The node's text is the source text at its offsets (no container prefixes in between). */
  exact: boolean;
}

function placeOf(node: Html, source: string): Place {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const exact = start.offset !== undefined && node.position?.end.offset !== undefined && source.slice(start.offset, node.position.end.offset) === node.value;
  return { start, exact };
}

/** Parses `fragment` (found at `at` in the node's `text`) and moves its positions to the document's. */
function parseFragment(parse: FragmentParser, fragment: string, place: Place, text: string, at: number): RootContent[] {
  const before = text.slice(0, at);
  const lineShift = place.start.line - 1 + (before.match(/\n/g) ?? []).length;
  const firstLineColumn = before.includes('\n') ? 1 : place.start.column + at;
  const offset = place.exact && place.start.offset !== undefined ? place.start.offset + at : undefined;
  const root = parse(fragment);
  const move = (point: Point) => {
    if (point.line === 1) point.column += firstLineColumn - 1;
    point.line += lineShift;
    if (offset !== undefined && point.offset !== undefined) point.offset += offset;
    else delete point.offset;
  };
  const stack: Node[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    for (const child of (node as Partial<Parent>).children ?? []) stack.push(child);
  }
  return root.children;
}
