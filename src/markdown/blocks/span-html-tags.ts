import type { Html, Nodes, Parent, Root, RootContent } from 'mdast';
import { HTML_ELEMENTS_WITHOUT_BODY } from './html-scan.js';

// Tags inside a paragraph (or another run of text) as kramdown's span parser sees them:
// a block-level element's tag is text there, and so is an end tag that does not close
// the innermost open element (or a CDATA section, a declaration, a processing
// instruction); elements still open at the end of the run are closed there.

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
  const open: string[] = [];
  const children = parent.children as RootContent[];
  for (const [index, child] of children.entries()) {
    if (child.type !== 'html') continue;
    // kramdown knows no CDATA, declarations or processing instructions in text.
    if (/^<(?:![^-]|\?)/.test(child.value)) {
      children[index] = asText(child);
      continue;
    }
    const start = OPEN_TAG.exec(child.value);
    const end = start ? undefined : CLOSE_TAG.exec(child.value);
    if (start) {
      const name = start[1]!.toLowerCase();
      if (BLOCK_ELEMENTS.has(name)) children[index] = asText(child);
      else if (!start[2] && !HTML_ELEMENTS_WITHOUT_BODY.has(name)) open.push(name);
    } else if (end) {
      if (open.at(-1) === end[1]!.toLowerCase()) open.pop();
      else children[index] = asText(child);
    }
  }
  for (const name of open.reverse()) children.push({ type: 'html', value: `</${name}>` });
}

function asText(node: Html): RootContent {
  return { type: 'text', value: node.value, position: node.position };
}
