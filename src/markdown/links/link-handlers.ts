import type { Element, ElementContent, Properties } from 'hast';
import type { Image, ImageReference, Link, LinkReference } from 'mdast';
import type { State } from 'mdast-util-to-hast';

// kramdown writes link and image targets as the author wrote them (only HTML-escaped),
// where mdast-util-to-hast percent-encodes them: `#cómo-...` must stay `#cómo-...`.
// Attribute order follows kramdown: `href`/`src`, `alt`, `title`, then IAL attributes.

function finish(state: State, node: Link | Image | LinkReference | ImageReference, result: Element): Element {
  state.patch(node, result);
  return state.applyData(node, result);
}

function withTitle(properties: Properties, title: string | null | undefined): Properties {
  if (title !== null && title !== undefined) properties.title = title;
  return properties;
}

export function kramdownLink(state: State, node: Link): Element {
  const properties = withTitle({ href: node.url }, node.title);
  return finish(state, node, { type: 'element', tagName: 'a', properties, children: state.all(node) });
}

export function kramdownImage(state: State, node: Image): Element {
  const properties = withTitle({ src: node.url, alt: node.alt ?? '' }, node.title);
  return finish(state, node, { type: 'element', tagName: 'img', properties, children: [] });
}

export function kramdownLinkReference(state: State, node: LinkReference): Element | ElementContent[] {
  const definition = state.definitionById.get(String(node.identifier).toUpperCase());
  if (!definition) return [{ type: 'text', value: '[' }, ...state.all(node), { type: 'text', value: ']' }];
  const properties = withTitle({ href: definition.url ?? '' }, definition.title);
  return finish(state, node, { type: 'element', tagName: 'a', properties, children: state.all(node) });
}

export function kramdownImageReference(state: State, node: ImageReference): Element | ElementContent[] {
  const definition = state.definitionById.get(String(node.identifier).toUpperCase());
  if (!definition) return [{ type: 'text', value: `![${node.alt ?? ''}]` }];
  const properties = withTitle({ src: definition.url ?? '', alt: node.alt ?? '' }, definition.title);
  return finish(state, node, { type: 'element', tagName: 'img', properties, children: [] });
}

/** remark-rehype handlers for links and images, kramdown style. */
export const kramdownLinkHandlers = {
  link: kramdownLink,
  image: kramdownImage,
  linkReference: kramdownLinkReference,
  imageReference: kramdownImageReference,
};
