import type { Element, Properties } from 'hast';
import type { Image, Link } from 'mdast';
import type { State } from 'mdast-util-to-hast';

// kramdown writes link and image targets as the author wrote them (only HTML-escaped),
// where mdast-util-to-hast percent-encodes them: `#cómo-...` must stay `#cómo-...`.
// (References are resolved by the link pass, so no reference nodes reach this stage.)
// Attribute order follows kramdown: `href`/`src`, `alt`, `title`, then IAL attributes.

function finish(state: State, node: Link | Image, result: Element): Element {
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

/** remark-rehype handlers for links and images, kramdown style. */
export const kramdownLinkHandlers = {
  link: kramdownLink,
  image: kramdownImage,
};
