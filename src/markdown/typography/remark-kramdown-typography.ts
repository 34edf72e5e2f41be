import type { Break, Nodes, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { KramdownOptions } from '../options.js';
import { clearTextLiterals, textLiterals } from '../source/text-literals.js';
import { isRawText } from '../inline/span-html.js';
import { typesetText, type SmartQuote, type TypesetOptions, type TypographicSymbol } from './kramdown-text.js';
import { spliceAll } from '../source/arrays.js';
import { SourceIndex } from '../source/offsets.js';

// Smart quotes, typographic symbols and kramdown's escape rules on every text node
// (code, raw HTML and autolink text are left alone, as kramdown does).

// Entities kramdown's `smart_quotes` option is usually given (it accepts names or code points).
const NAMED: Record<string, string> = {
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D', sbquo: '\u201A', bdquo: '\u201E',
  lsaquo: '\u2039', rsaquo: '\u203A', laquo: '\u00AB', raquo: '\u00BB', apos: "'", quot: '"', nbsp: '\u00A0',
  prime: '\u2032', Prime: '\u2033',
};

function entityChar(name: string): string {
  const trimmed = name.trim();
  if (/^\d+$/.test(trimmed)) return String.fromCodePoint(Number(trimmed));
  if (/^#x[0-9a-f]+$/i.test(trimmed)) return String.fromCodePoint(parseInt(trimmed.slice(2), 16));
  return NAMED[trimmed] ?? NAMED.lsquo!;
}

const DEFAULT_SYMBOLS: Record<TypographicSymbol, string> = {
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', laquo_space: '\u00AB\u00A0', raquo_space: '\u00A0\u00BB',
  laquo: '\u00AB', raquo: '\u00BB',
};

export function typesetOptions(options: KramdownOptions): TypesetOptions {
  const names = String(options.smart_quotes ?? 'lsquo,rsquo,ldquo,rdquo').split(',');
  const order: SmartQuote[] = ['lsquo', 'rsquo', 'ldquo', 'rdquo'];
  const quotes = Object.fromEntries(order.map((q, i) => [q, entityChar(names[i] ?? q)])) as Record<SmartQuote, string>;
  const symbols = { ...DEFAULT_SYMBOLS };
  for (const [name, value] of Object.entries(options.typographic_symbols ?? {})) {
    if (name in symbols) symbols[name as TypographicSymbol] = String(value);
  }
  const forIds = { quotes: Object.fromEntries(order.map((q) => [q, NAMED[q]!])) as Record<SmartQuote, string>, symbols: DEFAULT_SYMBOLS };
  const configured = order.some((q) => quotes[q] !== forIds.quotes[q]) || Object.entries(symbols).some(([name, value]) => DEFAULT_SYMBOLS[name as TypographicSymbol] !== value);
  return configured ? { quotes, symbols, forIds } : { quotes, symbols };
}

/** Rewrites the text of a tree the way kramdown's span parser would have produced it. */
export function typesetTree(tree: Root, source: string, options: TypesetOptions): void {
  // an explicit stack, so a deeply nested document cannot exhaust the call stack; each node
  // knows where the text of its block ends (kramdown strips a block's text at its end, so
  // its look-aheads see nothing past that, but do see the delimiters closing a span)
  let lines: SourceIndex | undefined;
  const index = () => (lines ??= new SourceIndex(source));
  const pending: Array<{ node: Nodes; blockEnd: number; inHeading: boolean }> = [{ node: tree, blockEnd: 0, inHeading: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    if (!('children' in node) || isAutolink(node, source)) continue;
    const blockEnd = SPAN_TYPES.has(node.type) ? item.blockEnd : textEnd(node, source, index);
    const inHeading = item.inHeading || node.type === 'heading';
    const children = node.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type !== 'text') pending.push({ node: child, blockEnd, inHeading });
      else if (!isRawText(child)) index = typesetChild(children, index, blockEnd, source, options, inHeading);
    }
  }
}

// Inline containers: kramdown's scan goes on after their end, so what follows is visible.
const SPAN_TYPES = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Where a block's text ends in the source, trailing whitespace left out. Blocks cut apart
 * by an attribute list carry only lines; their last child tells where they end.
 */
function textEnd(node: Nodes, source: string, index: () => SourceIndex): number {
  let end = node.position?.end.offset;
  if (end === undefined && 'children' in node) end = index().offsetOf(node.children.at(-1)?.position?.end);
  if (end === undefined) return source.length;
  while (end > 0 && /[ \t\r\n]/.test(source[end - 1]!)) end--;
  return end;
}

/** Typesets the text node at `index`; returns the index of the last node it became. */
function typesetChild(children: Nodes[], index: number, blockEnd: number, source: string, options: TypesetOptions, inHeading: boolean): number {
  const child = children[index] as Text;
  const previous = children[index - 1];
  const end = child.position?.end.offset;
  const input = {
    value: child.value,
    literals: textLiterals(child),
    before: previous?.type === 'break' ? '\n' : undefined,
    after: end === undefined ? '' : source.slice(end, Math.min(end + 4, blockEnd)),
  };
  const pieces = typesetText(input, options);
  // a header's id is made from kramdown's own characters (the pieces line up: breaks do not depend on them)
  const idPieces = inHeading && options.forIds ? typesetText(input, options.forIds) : undefined;
  const replacement = pieces.map((piece, at): PhrasingContent =>
    piece === null
      ? ({ type: 'break' } satisfies Break)
      : ({ type: 'text', value: piece, position: child.position, ...(idPieces && { data: { kramdownIdText: idPieces[at] ?? piece } }) } as Text),
  );
  if (replacement.length === 1 && replacement[0]!.type === 'text') {
    child.value = (replacement[0] as Text).value;
    if (idPieces) child.data = { ...child.data, ...(replacement[0] as Text).data };
    clearTextLiterals(child);
    return index;
  }
  spliceAll(children, index, 1, replacement as Nodes[]);
  return index + replacement.length - 1;
}

function isAutolink(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset;
  return node.type === 'link' && start !== undefined && source[start] === '<';
}

/** remark plugin: kramdown's smart quotes and typographic symbols. */
export function remarkKramdownTypography(options: KramdownOptions) {
  const typeset = typesetOptions(options);
  return (tree: Root, file: VFile) => typesetTree(tree, String(file.value), typeset);
}
