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

/** Turns the backslash line breaks inside HTML elements back into a backslash and a newline. */
export function keepBackslashBreaksInElements(tree: Root): void {
  const pending: Array<{ node: Nodes; inElement: boolean }> = [{ node: tree, inElement: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    if (!('children' in node)) continue;
    const inElement = item.inElement || ELEMENT_TYPES.has(node.type);
    const children = node.children as Nodes[];
    const open: string[] = [];
    const replaced: number[] = [];
    children.forEach((child, index) => {
      const inside = inElement || open.length > 0;
      if (child.type === 'html') trackTag(child.value, open);
      else if (inside && child.type === 'break' && (child as BackslashBreak).data?.kramdownBackslash) {
        children[index] = { type: 'text', value: '\\\n', position: child.position };
        replaced.push(index);
      } else pending.push({ node: child, inElement: inside });
    });
    for (const index of replaced.reverse()) {
      mergeText(children as PhrasingContent[], index);
      mergeText(children as PhrasingContent[], index - 1);
    }
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
