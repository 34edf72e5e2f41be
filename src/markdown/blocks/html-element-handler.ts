import type { ElementContent, Properties } from 'hast';
import type { Html } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { HtmlElementNode } from './html-blocks-tree.js';
import { readHtmlStartTag } from './html-structure.js';
import { toHtml } from 'hast-util-to-html';

// An HTML element whose content was parsed as Markdown prints as kramdown prints it: the
// start tag (without `markdown`, with the attributes of an IAL merged in), the content,
// the end tag. The tags are kept as written rather than turned into a hast element
// (whose attribute handling would differ from kramdown's).

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An element's attributes with an IAL's merged in: classes added, others replaced. */
function mergeAttributes(attributes: Map<string, string>, extra: Properties): Map<string, string> {
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'className') {
      const classes = Array.isArray(value) ? value.map(String) : [String(value)];
      attributes.set('class', [attributes.get('class'), ...classes].filter(Boolean).join(' '));
    } else if (value !== undefined && value !== null) attributes.set(key, String(value));
  }
  return attributes;
}

export function kramdownHtmlElement(state: State, node: HtmlElementNode): ElementContent {
  const extra = (node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {};
  const attributes = mergeAttributes(new Map(node.attributes), extra);
  const start = `<${node.tagName}${[...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}>`;
  // One line break before each block. The element is printed here, to a single raw node:
  // as several nodes (raw tags around the content) its parent would separate them all.
  const body: ElementContent[] = [];
  if (node.model !== 'block') body.push(...state.all(node));
  else {
    for (const child of node.children) {
      const result = state.one(child, node);
      if (!result) continue;
      body.push({ type: 'text', value: '\n' });
      for (const item of Array.isArray(result) ? result : [result]) body.push(item);
    }
    // kramdown writes an element with no content as `<tag></tag>`, without a line break
    if (body.length > 0) body.push({ type: 'text', value: '\n' });
  }
  const result: ElementContent = { type: 'raw', value: `${start}${toHtml(body, { allowDangerousHtml: true })}</${node.tagName}>` };
  state.patch(node, result);
  return result;
}

/** Raw HTML, with the attributes of an IAL (class added, others replaced) put into its first start tag. */
export function kramdownHtml(state: State, node: Html): ElementContent | undefined {
  const result = defaultHandlers.html(state, node);
  const extra = (node.data as { hProperties?: Properties } | undefined)?.hProperties;
  if (!result || result.type !== 'raw' || !extra || Object.keys(extra).length === 0) return result;
  const tag = readHtmlStartTag(result.value);
  if (!tag) return result;
  const attributes = mergeAttributes(new Map(tag.attributes), extra);
  const start = `<${tag.name}${[...attributes].map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}${tag.selfClosing ? ' /' : ''}>`;
  return { ...result, value: start + result.value.slice(tag.length) };
}
