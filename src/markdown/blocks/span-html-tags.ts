import type { Html, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { HTML_ELEMENTS_WITHOUT_BODY } from './html-scan.js';
import { HTML_ELEMENTS } from '../inline/span-tags.js';

// Tags inside a paragraph (or another run of text) as kramdown's span parser sees them:
// a block-level element's tag is text there, and so is an end tag that does not close
// the innermost open element (or a CDATA section, a declaration, a processing
// instruction); elements still open at the end of the run are closed there, under the
// name kramdown gives them (lower case for the elements it knows, else as written).

const BLOCK_ELEMENTS = new Set(
  ('address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section ' +
    'summary table tbody td th thead tfoot tr ul').split(' '),
);
const TEXT_RUNS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'kramdownDefinitionTerm']);
const OPEN_TAG = /^<([A-Za-z_:][\w:.-]*)(?:\s[\s\S]*?)?(\/)?>$/;
const CLOSE_TAG = /^<\/([A-Za-z_:][\w:.-]*)\s*>$/;

/** Applies kramdown's span-level tag rules to every run of text in the tree. */
export function applySpanTagRules(tree: Root): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    if (TEXT_RUNS.has(node.type) || (node.type === 'kramdownHtmlElement' && node.model === 'span')) balanceTags(node);
    for (const child of node.children) stack.push(child as Nodes);
  }
}

function balanceTags(parent: Parent): void {
  const open: Array<{ key: string; name: string }> = [];
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'html') continue;
    // kramdown knows no CDATA, declarations or processing instructions in text: the `<`
    // is text, and what follows is read on (it may hold tags).
    if (/^<(?:![^-]|\?)/.test(child.value)) {
      children.splice(index, 1, ...splitUnknownMarkup(child));
      continue;
    }
    const start = OPEN_TAG.exec(child.value);
    const end = start ? undefined : CLOSE_TAG.exec(child.value);
    if (start) {
      const key = start[1]!.toLowerCase();
      if (BLOCK_ELEMENTS.has(key)) children[index] = asText(child, true);
      else if (!start[2] && !HTML_ELEMENTS_WITHOUT_BODY.has(key)) open.push({ key, name: HTML_ELEMENTS.has(key) ? key : start[1]! });
    } else if (end) {
      if (open.at(-1)?.key === end[1]!.toLowerCase()) open.pop();
      else children[index] = asText(child);
    }
  }
  for (const { name } of open.reverse()) children.push({ type: 'html', value: `</${name}>` });
}

/** Tags and comments kramdown's span parser finds in text. */
const MARKUP_IN_TEXT = /<(?:[A-Za-z_:][\w:.-]*(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>|\/[A-Za-z_:][\w:.-]*\s*>|!--[\s\S]*?-->)/g;

/** An html node kramdown does not take as markup: text, with the tags inside it as html nodes. */
function splitUnknownMarkup(node: Html): RootContent[] {
  const pieces: RootContent[] = [];
  let done = 0;
  const piece = (type: 'text' | 'html', from: number, to: number) => {
    const value = node.value.slice(from, to);
    if (value) pieces.push({ type, value, position: slicePosition(node, from, to) } as RootContent);
  };
  MARKUP_IN_TEXT.lastIndex = 1;
  for (let match = MARKUP_IN_TEXT.exec(node.value); match; match = MARKUP_IN_TEXT.exec(node.value)) {
    piece('text', done, match.index);
    piece('html', match.index, match.index + match[0].length);
    done = match.index + match[0].length;
  }
  piece('text', done, node.value.length);
  return pieces;
}

/** Where `node.value.slice(from, to)` stands in the source, when the node's text is the source's. */
function slicePosition(node: Html, from: number, to: number): Html['position'] {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return undefined;
  if (end.offset - start.offset !== node.value.length) return undefined;
  const at = (index: number) => {
    const before = node.value.slice(0, index);
    const lineBreak = before.lastIndexOf('\n');
    const lines = before.split('\n').length - 1;
    return { line: start.line + lines, column: lineBreak < 0 ? start.column + index : index - lineBreak, offset: start.offset! + index };
  };
  return { start: at(from), end: at(to) };
}

/**
 * The tag as text. A block-level start tag is text as written (`raw`): kramdown adds it
 * whole, so no smart quotes or emphasis inside. An end tag may still end an element once
 * emphasis has been placed, so it stays ordinary text for that later pass.
 */
function asText(node: Html, raw = false): RootContent {
  return { type: 'text', value: node.value, position: node.position, ...(raw && { data: { kramdownRaw: true } as Text['data'] }) };
}
