import type { Image, Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { sliceText, textLiterals } from '../source/text-literals.js';
import { pointAt } from '../source/positions.js';

// Inline links kramdown accepts but CommonMark leaves as text, e.g. a target with spaces:
// `[contact us](/us/en/contact us)`. kramdown reads the target up to the `)` that balances
// the opening `(` (or up to a quoted title) and strips it; no `<...>` or escaping needed.
// Such leftovers are found in the text CommonMark produced and turned into links.

interface Opening {
  node: Text;
  index: number;
  offset: number;
  image: boolean;
}

export function recoverKramdownLinks(tree: Root, source: string): void {
  walk(tree, source);
}

function walk(node: Nodes, source: string): void {
  if (!('children' in node)) return;
  const children = node.children as PhrasingContent[];
  if (node.type !== 'link' && node.type !== 'linkReference') {
    for (let index = 0; index < children.length; index++) {
      if (children[index]!.type === 'text') index = tryRecoverFrom(children, index, source);
    }
  }
  for (const child of children) walk(child as Nodes, source);
}

/** Looks for `[` in children[index] closing as `](target)` later on; returns the index to continue at. */
function tryRecoverFrom(children: PhrasingContent[], index: number, source: string): number {
  const start = children[index] as Text;
  const literalStarts = new Set(textLiterals(start).map((literal) => literal.start));
  for (let offset = start.value.indexOf('['); offset >= 0; offset = start.value.indexOf('[', offset + 1)) {
    if (literalStarts.has(offset) || start.value[offset + 1] === '^') continue;
    const image = offset > 0 && start.value[offset - 1] === '!' && !literalStarts.has(offset - 1);
    const recovered = closeLink(children, { node: start, index, offset, image }, source);
    if (recovered !== undefined) return recovered;
  }
  return index;
}

function closeLink(children: PhrasingContent[], open: Opening, source: string): number | undefined {
  let depth = 1;
  for (let j = open.index; j < children.length; j++) {
    const node = children[j]!;
    if (node.type !== 'text') continue;
    const literals = new Set(textLiterals(node).map((literal) => literal.start));
    for (let k = j === open.index ? open.offset + 1 : 0; k < node.value.length; k++) {
      const c = node.value[k];
      if (literals.has(k) || (c !== '[' && c !== ']')) continue;
      depth += c === '[' ? 1 : -1;
      if (depth > 0) continue;
      if (node.value[k + 1] !== '(') return undefined;
      const target = readTarget(node.value, k + 1);
      if (!target) return undefined;
      return build(children, open, j, k, target, source);
    }
  }
  return undefined;
}

/** kramdown's reading of `(target "title")` starting at the `(`; undefined if it does not close. */
function readTarget(text: string, at: number): { url: string; title?: string; end: number } | undefined {
  const angle = /^\(<(.*?)>\)/.exec(text.slice(at));
  if (angle) return { url: angle[1]!, end: at + angle[0].length };
  let depth = 0;
  let k = at;
  for (; k < text.length; k++) {
    const c = text[k]!;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return { url: text.slice(at + 1, k).trim(), end: k + 1 };
    } else if (/\s/.test(c) && (text[k + 1] === '"' || text[k + 1] === "'")) break;
  }
  if (depth !== 1) return undefined;
  const title = /^\s*?(["'])(.+?)\1\s*?\)/.exec(text.slice(k));
  if (!title) return undefined;
  return { url: text.slice(at + 1, k).trim(), title: title[2]!, end: k + title[0].length };
}

function build(
  children: PhrasingContent[],
  open: Opening,
  closeIndex: number,
  closeOffset: number,
  target: { url: string; title?: string; end: number },
  source: string,
): number {
  const closing = children[closeIndex] as Text;
  const known = Boolean(open.node.position && closing.position);
  const at = (node: Text, offset: number) => pointAt(node, offset, source);
  const openAt = open.image ? open.offset - 1 : open.offset;
  const tail: Text = { type: 'text', value: closing.value, position: closing.position, data: closing.data ? { ...closing.data } : undefined };
  sliceText(tail, target.end);
  if (known) tail.position = { start: at(closing, target.end), end: closing.position!.end };
  let inner: PhrasingContent[];
  if (open.index === closeIndex) {
    const middle: Text = { type: 'text', value: closing.value, data: closing.data ? { ...closing.data } : undefined };
    sliceText(middle, open.offset + 1, closeOffset);
    if (known) middle.position = { start: at(closing, open.offset + 1), end: at(closing, closeOffset) };
    inner = middle.value === '' ? [] : [middle];
  } else {
    const first: Text = { type: 'text', value: open.node.value, data: open.node.data ? { ...open.node.data } : undefined };
    sliceText(first, open.offset + 1);
    if (known) first.position = { start: at(open.node, open.offset + 1), end: open.node.position!.end };
    const last: Text = { type: 'text', value: closing.value, data: closing.data ? { ...closing.data } : undefined };
    sliceText(last, 0, closeOffset);
    if (known) last.position = { start: closing.position!.start, end: at(closing, closeOffset) };
    inner = [first, ...children.slice(open.index + 1, closeIndex), last].filter((n) => n.type !== 'text' || n.value !== '');
  }
  const head: Text = { type: 'text', value: open.node.value, position: open.node.position, data: open.node.data ? { ...open.node.data } : undefined };
  sliceText(head, 0, openAt);
  if (known) head.position = { start: open.node.position!.start, end: at(open.node, openAt) };
  const link: Link | Image = open.image
    ? { type: 'image', url: target.url, title: target.title ?? null, alt: inner.map(plainText).join('') }
    : { type: 'link', url: target.url, title: target.title ?? null, children: inner };
  if (known) link.position = { start: at(open.node, openAt), end: at(closing, target.end) };
  const replacement = [head, link, tail].filter((n) => n.type !== 'text' || n.value !== '') as PhrasingContent[];
  children.splice(open.index, closeIndex - open.index + 1, ...replacement);
  return open.index + replacement.indexOf(link);
}

function plainText(node: PhrasingContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as PhrasingContent[]).map(plainText).join('') : '';
}
