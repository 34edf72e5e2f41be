import type { Html, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { textLiterals, writtenText } from '../source/text-literals.js';
import { pushAll, spliceAll } from '../source/arrays.js';

// Span-level HTML, where kramdown and CommonMark part ways:
// - elements whose content kramdown keeps raw (`code`, `kbd`, `samp`, `var`, `script`, ...
//   and any element it does not know) get no Markdown, smart quotes or symbols inside;
// - kramdown drops the `markdown="..."` attribute of a span element;
// - `<<tag>>` is a pair of guillemets for kramdown (its typographic `<<` comes first),
//   not a `<` followed by a tag.

const SPAN_MODEL = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(' '),
);
// Elements that have no content, or that kramdown refuses as span HTML.
const NO_BODY = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
const OPEN_TAG = /^<([A-Za-z][\w:.-]*)(?:\s[^>]*)?>$/;
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i;

/** Marks text that kramdown does not parse: data.kramdownRaw, and rebuilds it from source. */
export function applySpanHtmlRules(tree: Root, source: string, parseSpanHtml = true): void {
  const pending: Array<{ node: Nodes; indent: number }> = [{ node: tree, indent: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    if (!('children' in node)) continue;
    const indent = TEXT_BLOCKS.has(node.type) ? containerIndent(node, source) : item.indent;
    if (node.type !== 'root' && node.type !== 'blockquote' && node.type !== 'listItem') applyInChildren(node.children as PhrasingContent[], source, parseSpanHtml, indent);
    for (const child of node.children as Nodes[]) pending.push({ node: child, indent });
  }
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'kramdownDefinitionTerm']);

/**
 * How many characters the containers (list indentation, `>` markers) take before a text
 * block's first line: on its other lines kramdown takes off as many, and keeps any
 * further indentation as text.
 */
function containerIndent(node: Nodes, source: string): number {
  const start = node.position?.start.offset;
  return start === undefined ? 0 : start - (source.lastIndexOf('\n', start - 1) + 1);
}

function applyInChildren(children: PhrasingContent[], source: string, parseSpanHtml: boolean, indent: number): void {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'html') continue;
    if (revertGuillemet(children, index)) {
      index--;
      continue;
    }
    const element = readElement(child, parseSpanHtml);
    if (!element || element.parsed || NO_BODY.has(element.name)) continue;
    const close = findClose(children, index, element.name);
    if (close !== undefined) index = keepRaw(children, index, close, source, indent);
  }
}

/**
 * An opening tag's element name and whether kramdown parses its content; drops the tag's
 * `markdown` attribute. markdown="0" keeps the content raw, "span" parses it, "1" parses a
 * span element's; by default a span element's content is parsed unless the
 * parse_span_html option is off (inside raw content it is off).
 */
function readElement(tag: Html, parseSpanHtml: boolean): { name: string; parsed: boolean } | undefined {
  const element = spanElementOf(tag.value, parseSpanHtml);
  tag.value = tag.value.replace(MARKDOWN_ATTRIBUTE, '');
  return element;
}

/** The element a start tag opens and whether kramdown parses its content (undefined: no element). */
export function spanElementOf(tag: string, parseSpanHtml: boolean): { name: string; parsed: boolean } | undefined {
  const markdown = MARKDOWN_ATTRIBUTE.exec(tag)?.[1]?.replace(/^["']|["']$/g, '');
  const open = OPEN_TAG.exec(tag.replace(MARKDOWN_ATTRIBUTE, ''));
  if (!open || tag.endsWith('/>')) return undefined;
  const name = open[1]!.toLowerCase();
  const spanElement = SPAN_MODEL.has(name);
  const parsed = markdown === '0' ? false : markdown === 'span' ? true : markdown === '1' ? spanElement : spanElement && parseSpanHtml;
  return { name, parsed };
}

function findClose(children: PhrasingContent[], from: number, name: string): number | undefined {
  const closing = new RegExp(`^</${name}\\s*>$`, 'i');
  for (let j = from + 1; j < children.length; j++) {
    const node = children[j]!;
    if (node.type === 'html' && closing.test(node.value)) return j;
  }
  return undefined;
}

/**
 * Replaces what lies between an opening and closing raw element with its source text.
 * Tags inside stay tags (kramdown still reads span HTML in raw content, as raw again).
 */
function keepRaw(children: PhrasingContent[], open: number, close: number, source: string, indent: number): number {
  const replacement: PhrasingContent[] = [];
  // the raw text runs between two tags, children[after] and children[before]
  let after = open;
  const flush = (before: number) => {
    const raw = rawBetween(children, after, before, source, indent);
    if (raw !== '') replacement.push({ type: 'text', value: raw, data: { kramdownRaw: true } as Text['data'] });
  };
  for (let at = open + 1; at < close; at++) {
    const node = children[at]!;
    if (node.type !== 'html' || !/^<(\/?[A-Za-z_]|!--)/.test(node.value)) continue;
    flush(at);
    replacement.push(node);
    after = at;
    // an element inside raw content is raw too, unless its markdown attribute asks otherwise
    const element = readElement(node, false);
    const end = element?.parsed ? findClose(children, at, element.name) : undefined;
    if (end === undefined || end >= close) continue;
    pushAll(replacement, children.slice(at + 1, end + 1));
    at = after = end;
  }
  flush(close);
  spliceAll(children, open + 1, close - open - 1, replacement);
  return open + replacement.length + 1;
}

/**
 * The text between two tags as written. From the source when both are placed: that keeps
 * the indentation of continuation lines (beyond the containers' `indent`), which kramdown
 * keeps and micromark drops from text.
 */
function rawBetween(children: PhrasingContent[], after: number, before: number, source: string, indent: number): string {
  const from = children[after]!.position?.end.offset;
  const to = children[before]!.position?.start.offset;
  if (from !== undefined && to !== undefined && from <= to) {
    return source.slice(from, to).replace(/\n[ \t>]*/g, (prefix) => `\n${prefix.slice(1 + Math.min(indent, prefix.length - 1))}`);
  }
  let raw = '';
  for (let at = after + 1; at < before; at++) raw += writtenForm(children[at]!, source);
  return raw;
}

/** A node as the author wrote it (a text's escapes as written, other nodes from the source). */
function writtenForm(node: PhrasingContent, source: string): string {
  if (node.type === 'text') return writtenText(node);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && !source.slice(start, end).includes('\n')) return source.slice(start, end);
  if ('value' in node) return node.value;
  // over several lines, the source has container prefixes (`>`, indentation) the text has not
  if (start !== undefined && end !== undefined) return source.slice(start, end).replace(/\n[ \t>]*/g, '\n');
  return 'children' in node ? (node.children as PhrasingContent[]).map((child) => writtenForm(child, source)).join('') : '';
}

/** `<<b>>`: the tag was a pair of guillemets; give the tag back to the text around it. */
function revertGuillemet(children: PhrasingContent[], index: number): boolean {
  const html = children[index] as Html;
  const before = children[index - 1];
  if (!before || before.type !== 'text' || !before.value.endsWith('<') || !html.value.startsWith('<')) return false;
  if (textLiterals(before).some((literal) => literal.end === before.value.length)) return false;
  const after = children[index + 1];
  before.value += html.value;
  if (after && after.type === 'text') {
    before.value += after.value;
    children.splice(index, 2);
  } else {
    children.splice(index, 1);
  }
  if (before.position && (after ?? html).position) before.position.end = (after ?? html).position!.end;
  return true;
}

export function isRawText(node: Text): boolean {
  return Boolean((node.data as { kramdownRaw?: boolean } | undefined)?.kramdownRaw);
}
