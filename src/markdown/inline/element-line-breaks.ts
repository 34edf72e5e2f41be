import type { Break, Nodes, PhrasingContent, Root, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { setTextLiterals, textLiterals } from '../source/text-literals.js';

// A backslash at the end of a line is a line break only by kramdown-parser-gfm's
// post-processing pass, and that pass does not go into HTML elements: span HTML (an
// element runs to its end tag, or to the end of its paragraph without one), block HTML
// whose content is parsed, and the `<del>` of a strikethrough. There the backslash stays
// text, before the newline. (kramdown's own line breaks, two spaces or `\\`, hold everywhere.)

const OPEN_TAG = /^<([A-Za-z_:][\w:.-]*)(?:\s[^>]*)?>$/;
const END_TAG = /^<\/([A-Za-z_:][\w:.-]*)\s*>$/;
const VOID = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
const ELEMENT_TYPES = new Set(['delete', 'kramdownHtmlElement']);

interface BackslashBreak extends Break {
  data?: Break['data'] & { kramdownBackslash?: boolean };
}

/** Marks the line breaks written as a backslash (the positions of parsed HTML content may be gone). */
export const backslashBreakFromMarkdown: FromMarkdownExtension = {
  enter: {
    hardBreakEscape(this: CompileContext, token: Token) {
      this.enter({ type: 'break', data: { kramdownBackslash: true } } as BackslashBreak, token);
    },
  },
};

/**
 * Turns the backslash line breaks inside HTML elements back into a backslash and a newline;
 * with `hard_wrap` (the parser's break is then a bare newline), all of them.
 */
export function keepBackslashBreaksInElements(tree: Root, hardWrap = false): void {
  forEachChildList(tree, (children, inside) => {
    const replaced: number[] = [];
    children.forEach((child, index) => {
      if ((inside[index] || hardWrap) && child.type === 'break' && (child as BackslashBreak).data?.kramdownBackslash) {
        children[index] = { type: 'text', value: '\\\n', position: child.position };
        replaced.push(index);
      }
    });
    for (const index of replaced.reverse()) {
      mergeText(children as PhrasingContent[], index);
      mergeText(children as PhrasingContent[], index - 1);
    }
  });
}

/**
 * kramdown's `hard_wrap` (kramdown-parser-gfm's pass, outside HTML elements again): every
 * newline in text is a line break, but a newline ending a block's last text.
 */
export function applyHardWrap(tree: Root): void {
  forEachChildList(tree, (children, inside, parent) => {
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!;
      if (inside[index] || child.type !== 'text' || !child.value.includes('\n')) continue;
      const lines = child.value.split('\n');
      const endsBlock = !PHRASING_PARENTS.has(parent.type) && index === children.length - 1 && lines.at(-1) === '';
      const pieces: Nodes[] = [];
      lines.forEach((line, at) => {
        if (line !== '') pieces.push({ type: 'text', value: line, position: child.position });
        if (at < lines.length - 2 || (at === lines.length - 2 && !endsBlock)) pieces.push({ type: 'break' });
      });
      children.splice(index, 1, ...pieces);
    }
  });
}

const PHRASING_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'kramdownHtmlElement']);

/** Calls `visit` with every list of children, and which of them sit inside an HTML element. */
function forEachChildList(tree: Root, visit: (children: Nodes[], inside: boolean[], parent: Nodes) => void): void {
  const pending: Array<{ node: Nodes; inElement: boolean }> = [{ node: tree, inElement: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    if (!('children' in node)) continue;
    const inElement = item.inElement || ELEMENT_TYPES.has(node.type);
    const children = node.children as Nodes[];
    const open: string[] = [];
    const inside = children.map((child) => {
      const within = inElement || open.length > 0;
      if (child.type === 'html') trackTag(child.value, open);
      else pending.push({ node: child, inElement: within });
      return within;
    });
    visit(children, inside, node);
  }
}

/** Keeps the stack of open span elements up to date (an end tag closes only the innermost). */
function trackTag(tag: string, open: string[]): void {
  const start = OPEN_TAG.exec(tag);
  if (start) {
    const name = start[1]!.toLowerCase();
    if (!tag.endsWith('/>') && !VOID.has(name)) open.push(name);
    return;
  }
  const end = END_TAG.exec(tag);
  if (end && open.at(-1) === end[1]!.toLowerCase()) open.pop();
}


/** Glues the text at `index + 1` onto the text at `index` (plain text only), so it reads on. */
function mergeText(children: PhrasingContent[], index: number): void {
  const before = children[index];
  const after = children[index + 1];
  if (!isPlainText(before) || !isPlainText(after)) return;
  const shift = before.value.length;
  const literals = [...textLiterals(before), ...textLiterals(after).map((literal) => ({ ...literal, start: literal.start + shift, end: literal.end + shift }))];
  before.value += after.value;
  setTextLiterals(before, literals);
  if (before.position && after.position) before.position = { start: before.position.start, end: after.position.end };
  children.splice(index + 1, 1);
}

/** A text node with no marks but its recorded escapes. */
function isPlainText(node: PhrasingContent | undefined): node is Text {
  return node?.type === 'text' && Object.keys(node.data ?? {}).every((key) => key === 'literals');
}
