import type { Element, ElementContent, Properties } from 'hast';
import type { Paragraph } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { attributeRefs } from '../attributes/attribute-data.js';

// A paragraph holding nothing but an image that references `standalone` in its IAL is
// printed by kramdown as a <figure>: the paragraph's attributes go on the figure, which
// also takes the image's class and id when it has none of its own, and the image's alt
// text becomes the caption.

export function kramdownParagraph(state: State, node: Paragraph): Element {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'image' || !attributeRefs(only).includes('standalone')) return defaultHandlers.paragraph(state, node);
  const converted = state.one(only, node);
  const image = (Array.isArray(converted) ? converted[0] : converted) as ElementContent | undefined;
  if (!image || image.type !== 'element') return defaultHandlers.paragraph(state, node);
  const figure: Properties = { ...((node.data as { hProperties?: Properties } | undefined)?.hProperties ?? {}) };
  const imageProperties = { ...image.properties };
  for (const key of ['className', 'id']) {
    if (imageProperties[key] !== undefined && figure[key] === undefined) {
      figure[key] = imageProperties[key]!;
      delete imageProperties[key];
    }
  }
  const caption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: String(imageProperties.alt ?? '') }] };
  const result: Element = {
    type: 'element',
    tagName: 'figure',
    properties: figure,
    children: state.wrap([{ ...image, properties: imageProperties }, caption], true),
  };
  state.patch(node, result);
  return result;
}
