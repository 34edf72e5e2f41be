import type { ElementContent, Properties } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { HtmlElementNode } from './html-blocks-tree.js';

// An HTML element whose content was parsed as Markdown prints as kramdown prints it: the
// start tag (without `markdown`, with the attributes of an IAL merged in), the content,
// the end tag.

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function kramdownHtmlElement(state: State, node: HtmlElementNode): ElementContent[] {
  const attributes = new Map(node.attributes);
  const extra = (node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {};
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'className') {
      const classes = Array.isArray(value) ? value.map(String) : [String(value)];
      attributes.set('class', [attributes.get('class'), ...classes].filter(Boolean).join(' '));
    } else if (value !== undefined && value !== null) attributes.set(key, String(value));
  }
  const start = `<${node.tagName}${[...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}>`;
  // One line break before each block: the element prints as several nodes (the tags are
  // raw), so nested elements must not be wrapped node by node.
  const body: ElementContent[] = [];
  if (node.model !== 'block') body.push(...state.all(node));
  else {
    for (const child of node.children) {
      const result = state.one(child, node);
      if (!result) continue;
      body.push({ type: 'text', value: '\n' });
      for (const item of Array.isArray(result) ? result : [result]) body.push(item);
    }
    body.push({ type: 'text', value: '\n' });
  }
  return [{ type: 'raw', value: start }, ...body, { type: 'raw', value: `</${node.tagName}>` }];
}
