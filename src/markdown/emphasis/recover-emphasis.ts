import type { Emphasis, Nodes, PhrasingContent, Root, Strong, Text } from 'mdast';
import { sliceText, textLiterals } from '../source/text-literals.js';
import { pointAt } from '../source/positions.js';

// Emphasis kramdown accepts where CommonMark's flanking rules refuse it, e.g.
// `**Remarque:**Si` (a closing `**` after punctuation and before a letter). kramdown's
// rule is simpler: an opening `*`/`**`/`_`/`__` must not be followed by whitespace (and
// `_` not follow a letter), the closing one must not follow whitespace (and `_` not be
// followed by a letter or digit), and the content must not be empty. Delimiters that
// CommonMark left as text are paired again with that rule.

interface Delimiter {
  index: number;
  offset: number;
  char: '*' | '_';
  length: 1 | 2;
}

const SPACE = /[ \t\r\n\f\v]/;
const ALPHA = /\p{L}/u;
const ALNUM = /[\p{L}\p{Nd}]/u;

export function recoverKramdownEmphasis(tree: Root, source: string): void {
  walk(tree, source, new Set());
  strongOutside(tree, source);
}

// `***x***`: kramdown takes `**` first, so strong wraps em (CommonMark nests the other way).
function strongOutside(node: Nodes, source: string): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    const start = child.position?.start.offset;
    const only = 'children' in child && child.children.length === 1 ? child.children[0] : undefined;
    if (child.type === 'emphasis' && only?.type === 'strong' && start !== undefined && /^(\*\*\*|___)/.test(source.slice(start, start + 3))) {
      (child as unknown as { type: string }).type = 'strong';
      (only as unknown as { type: string }).type = 'emphasis';
    }
    strongOutside(child, source);
  }
}

function walk(node: Nodes, source: string, inside: Set<string>): void {
  if (!('children' in node)) return;
  const children = node.children as PhrasingContent[];
  const nested = node.type === 'emphasis' || node.type === 'strong' ? new Set([...inside, node.type]) : inside;
  {
    for (let index = 0; index < children.length; index++) {
      if (children[index]!.type === 'text') index = recoverFrom(children, index, source, nested);
    }
  }
  for (const child of children) walk(child as Nodes, source, nested);
}

function recoverFrom(children: PhrasingContent[], index: number, source: string, inside: Set<string>): number {
  const node = children[index] as Text;
  const literals = new Set(textLiterals(node).map((literal) => literal.start));
  for (let offset = 0; offset < node.value.length; offset++) {
    const c = node.value[offset];
    if ((c !== '*' && c !== '_') || literals.has(offset)) continue;
    const run = node.value[offset + 1] === c && !literals.has(offset + 1) ? 2 : 1;
    const opener: Delimiter = { index, offset, char: c, length: run };
    if (canOpen(node.value, opener, inside)) {
      const closer = findCloser(children, opener) ?? (run === 2 && !inside.has('emphasis') ? findCloser(children, { ...opener, length: 1 }) : undefined);
      if (closer) {
        const start = closer.opener;
        return wrap(children, start, closer.closer, source);
      }
    }
    offset += run - 1;
  }
  return index;
}

function canOpen(text: string, opener: Delimiter, inside: Set<string>): boolean {
  const after = text[opener.offset + opener.length];
  if (after === undefined || SPACE.test(after)) return false;
  if (inside.has(opener.length === 2 ? 'strong' : 'emphasis')) return false;
  return !(opener.char === '_' && opener.offset > 0 && ALPHA.test(text[opener.offset - 1]!));
}

function findCloser(children: PhrasingContent[], opener: Delimiter): { opener: Delimiter; closer: Delimiter } | undefined {
  const delimiter = opener.char.repeat(opener.length);
  for (let j = opener.index; j < children.length; j++) {
    const node = children[j]!;
    if (node.type !== 'text') continue;
    const literals = new Set(textLiterals(node).map((literal) => literal.start));
    // a `**` retried as `*` keeps its second `*` as content, so the closer comes after it
    const retried = opener.length === 1 && node.value[opener.offset + 1] === opener.char;
    const from = j === opener.index ? opener.offset + (retried ? 2 : opener.length + 1) : 0;
    for (let k = from; k < node.value.length; k++) {
      if (node.value[k] !== opener.char || literals.has(k)) continue;
      // kramdown looks for the closer where a delimiter run starts; a run it rejects is
      // taken as text (one `*`/`_` or a pair) and the search goes on after it
      const taken = node.value[k + 1] === opener.char && !literals.has(k + 1) ? 2 : 1;
      if (node.value.startsWith(delimiter, k) && closes(node.value, k, opener, j)) {
        return { opener, closer: { index: j, offset: k, char: opener.char, length: opener.length } };
      }
      k += taken - 1;
    }
  }
  return undefined;
}

function closes(text: string, k: number, opener: Delimiter, nodeIndex: number): boolean {
  const before = text[k - 1];
  if (before === undefined ? nodeIndex === opener.index : SPACE.test(before)) return false;
  const next = text[k + opener.length];
  if (opener.char === '_' && next !== undefined && ALNUM.test(next)) return false;
  return !(opener.length === 1 && text[k + 1] === opener.char && text[k + 2] !== opener.char);
}

function wrap(children: PhrasingContent[], opener: Delimiter, closer: Delimiter, source: string): number {
  const first = children[opener.index] as Text;
  const last = children[closer.index] as Text;
  const copy = (node: Text, start: number, end?: number): Text => {
    const piece: Text = { type: 'text', value: node.value, data: node.data ? { ...node.data } : undefined };
    sliceText(piece, start, end);
    if (node.position) {
      piece.position = {
        start: pointAt(node, start, source),
        end: end === undefined ? node.position.end : pointAt(node, end, source),
      };
    }
    return piece;
  };
  const head = copy(first, 0, opener.offset);
  const tail = copy(last, closer.offset + closer.length);
  const inner: PhrasingContent[] =
    opener.index === closer.index
      ? [copy(first, opener.offset + opener.length, closer.offset)]
      : [copy(first, opener.offset + opener.length), ...children.slice(opener.index + 1, closer.index), copy(last, 0, closer.offset)];
  const element: Emphasis | Strong = {
    type: opener.length === 2 ? 'strong' : 'emphasis',
    children: inner.filter((n) => n.type !== 'text' || n.value !== ''),
  };
  if (first.position && last.position) {
    element.position = { start: pointAt(first, opener.offset, source), end: pointAt(last, closer.offset + closer.length, source) };
  }
  const replacement = [head, element, tail].filter((n) => n.type !== 'text' || n.value !== '') as PhrasingContent[];
  children.splice(opener.index, closer.index - opener.index + 1, ...replacement);
  return opener.index + replacement.indexOf(element);
}
